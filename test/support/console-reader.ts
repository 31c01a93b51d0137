// Reads and writes a guest's serial console through the host-side pty that QEMU exposes,
// bypassing libvirt entirely so tests can check Vireo's console stream against it.
// Keep one reader open while the guest runs: an undrained pty can stall the guest's output.
import { constants, openSync, closeSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';
import { shellPrompt } from './fixtures';
import { virsh, type VirshOptions } from './virsh';

export class ConsoleReader {
  private buffer = '';
  private waiters = new Set<() => void>();
  private closed = false;
  private commands = 0;

  private constructor(
    private readonly input: ReadStream,
    private readonly output: WriteStream,
  ) {
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (const wake of this.waiters) wake();
    });
    // EIO arrives when QEMU closes the pty (guest stopped); that just ends the transcript.
    input.on('error', () => undefined);
    output.on('error', () => undefined);
  }

  /** Opens a pty path such as /dev/pts/3. */
  static open(ptyPath: string): ConsoleReader {
    const readFd = openSync(ptyPath, constants.O_RDWR | constants.O_NOCTTY);
    const writeFd = openSync(ptyPath, constants.O_RDWR | constants.O_NOCTTY);
    try {
      return new ConsoleReader(new ReadStream(readFd), new WriteStream(writeFd));
    } catch (err) {
      closeSync(readFd);
      closeSync(writeFd);
      throw err;
    }
  }

  /** Opens the serial console of a running (or paused) domain, found with `virsh ttyconsole`. */
  static async forDomain(name: string, opts: VirshOptions = {}): Promise<ConsoleReader> {
    const pty = (await virsh(['ttyconsole', name], opts)).trim();
    if (!pty.startsWith('/dev/')) throw new Error(`domain ${name} has no pty console (got "${pty}")`);
    return ConsoleReader.open(pty);
  }

  /** Everything read so far. */
  get transcript(): string {
    return this.buffer;
  }

  /** Resolves with the transcript once it matches; only looks past `from` (a transcript offset). */
  waitFor(pattern: string | RegExp, timeoutMs = 30_000, from = 0): Promise<string> {
    const matches = () => {
      const text = this.buffer.slice(from);
      return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
    };
    if (matches()) return Promise.resolve(this.buffer);
    return new Promise((resolve, reject) => {
      const wake = () => {
        if (!matches()) return;
        cleanup();
        resolve(this.buffer);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`console did not show ${String(pattern)} within ${timeoutMs} ms; got:\n${this.buffer}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      this.waiters.add(wake);
    });
  }

  /** Types a line into the guest shell and waits for a line of output matching `expect`. */
  async run(command: string, expect: RegExp, timeoutMs = 30_000): Promise<string> {
    const from = this.buffer.length;
    this.write(`${command}\n`);
    return this.waitFor(expect, timeoutMs, from);
  }

  /**
   * Runs a command in the fixture shell and returns its output (without the echoed command line,
   * the next prompt or terminal escape sequences). Call only when the shell is at its prompt.
   */
  async exec(command: string, timeoutMs = 30_000): Promise<string> {
    const from = this.buffer.length;
    this.write(`${command}\n`);
    // The prompt may be followed by ESC[6n: busybox ash asks the terminal for the cursor position.
    // eslint-disable-next-line no-control-regex -- terminal escape sequences start with ESC
    const text = await this.waitFor(/\nvireo# (?:\x1b\[6n)?$/, timeoutMs, from);
    const lines = text
      .slice(from)
      // eslint-disable-next-line no-control-regex -- terminal escape sequences start with ESC
      .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
      .replace(/\r/g, '')
      .split('\n');
    const echoed = lines.findIndex((line) => line.endsWith(command));
    return lines.slice(echoed + 1, -1).join('\n');
  }

  /**
   * Runs a shell command in the guest and returns what it printed, found between two markers that the echoed
   * command line cannot fake (the quotes split them there). Terminal escape sequences and CRs are dropped.
   */
  async marked(command: string, timeoutMs = 30_000): Promise<string> {
    const n = ++this.commands;
    const from = this.buffer.length;
    const between = new RegExp(`B-${n}\\r?\\n([\\s\\S]*)E-${n}\\r?\\n`);
    this.write(`echo B-""${n}; ${command}; echo E-""${n}\n`);
    const text = await this.waitFor(between, timeoutMs, from);
    const printed = between.exec(text.slice(from))![1]!;
    // eslint-disable-next-line no-control-regex -- terminal escape sequences start with ESC
    return printed.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  }

  write(text: string): void {
    this.output.write(text);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.input.destroy();
    this.output.destroy();
  }
}

/** Starts a defined guest paused and attaches a reader before resuming it, so none of its early output is lost. */
export async function startWatched(name: string): Promise<ConsoleReader> {
  await virsh(['start', '--paused', name]);
  const reader = await ConsoleReader.forDomain(name);
  try {
    await virsh(['resume', name]);
  } catch (err) {
    reader.close();
    throw err;
  }
  return reader;
}

/** Starts a defined fixture guest watched from its first byte, and resolves at its shell prompt. */
export async function bootToShell(name: string, timeoutMs = 90_000): Promise<ConsoleReader> {
  const reader = await startWatched(name);
  await reader.waitFor(shellPrompt, timeoutMs);
  return reader;
}
