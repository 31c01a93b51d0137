import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./anchor.py', import.meta.url));

export interface AnchorBlock {
  case: string;
  warmup: number;
  iterations: number;
}

/**
 * The C-client anchor as a long-lived Python process: one libvirt connection, timing blocks on request. Keeping
 * it alive lets the bench alternate short blocks of anchor and Vireo work, so both see the same machine load.
 */
export class AnchorProcess {
  private readonly lines: AsyncIterator<string>;
  private stderr = '';

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    rl: Interface,
  ) {
    this.lines = rl[Symbol.asyncIterator]();
    child.stderr.on('data', (b: Buffer) => (this.stderr += b.toString()));
    // A missing interpreter ends stdout at once; this keeps the reason for next()'s message.
    child.on('error', (err) => (this.stderr += err.message));
  }

  /** python: Debian's interpreter, since a pyenv `python3` on PATH would not see python3-libvirt. */
  static async start(python: string, setup: { uri: string; prefix: string }): Promise<{ anchor: AnchorProcess; domains: number }> {
    const child = spawn(python, [SCRIPT, JSON.stringify(setup)], { stdio: ['pipe', 'pipe', 'pipe'] });
    const anchor = new AnchorProcess(child, createInterface({ input: child.stdout }));
    const ready = (await anchor.next()) as { ready: boolean; domains: number };
    return { anchor, domains: ready.domains };
  }

  async run(block: AnchorBlock): Promise<number[]> {
    this.child.stdin.write(JSON.stringify(block) + '\n');
    return ((await this.next()) as { samples: number[] }).samples;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.end();
    await exited;
  }

  private async next(): Promise<unknown> {
    const line = await this.lines.next();
    if (line.done) throw new Error(`the python3-libvirt anchor exited: ${this.stderr.trim() || 'no output'}`);
    return JSON.parse(line.value) as unknown;
  }
}
