import { Duplex } from 'node:stream';
import type { Readable } from 'node:stream';
import { ConnectionError } from '../errors';

/** The parts of an ssh2 exec channel the tunnel uses (a Duplex of the remote command's stdin/stdout). */
export interface ExecChannel extends Duplex {
  readonly stderr: Readable;
  close(): void;
}

/** The parts of an ssh2 Client the tunnel uses. */
export interface SshSession {
  end(): unknown;
  destroy(): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

const STDERR_KEEP = 4096;
/** How long a polite SSH disconnect may take before the TCP connection is cut. */
const END_GRACE_MS = 2000;

/**
 * The byte stream to the remote daemon through an SSH exec channel, as a plain Duplex with Node's usual
 * semantics (ssh2's Channel has its own destroy() and close events): destroying it closes the channel and the
 * SSH session; the remote command exiting or the session dropping ends or destroys it, with the command's exit
 * status and the start of its stderr in the error (e.g. "virt-ssh-helper: cannot connect to ...").
 */
export class SshTunnel extends Duplex {
  private stderrText = '';
  private exit: { code: number | null; signal: string | null } | null = null;

  constructor(
    private readonly channel: ExecChannel,
    private readonly session: SshSession,
    readonly description: string,
  ) {
    super({ allowHalfOpen: false });
    channel.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) channel.pause();
    });
    channel.stderr.on('data', (chunk: Buffer) => {
      if (this.stderrText.length < STDERR_KEEP) this.stderrText += chunk.toString('utf8').slice(0, STDERR_KEEP - this.stderrText.length);
    });
    channel.on('exit', (code: number | null, signal?: string) => {
      this.exit = { code: code ?? null, signal: signal ?? null };
    });
    channel.on('close', () => this.onChannelClosed());
    session.on('error', (err) => this.destroy(new ConnectionError('interrupted', `SSH connection to ${description} failed: ${err.message}`, { cause: err })));
    session.on('close', () => this.destroy(this.failure() ?? new ConnectionError('interrupted', `SSH connection to ${description} closed`)));
  }

  /** What went wrong on the remote side, if anything: a non-zero exit or a signal, with stderr. */
  private failure(): ConnectionError | null {
    const err = this.stderrText.trim();
    const detail = err ? `: ${err}` : '';
    if (this.exit?.signal) return new ConnectionError('interrupted', `the remote proxy on ${this.description} was killed by ${this.exit.signal}${detail}`);
    if (this.exit && this.exit.code !== 0)
      return new ConnectionError('interrupted', `the remote proxy on ${this.description} exited with status ${this.exit.code}${detail}`);
    if (!this.exit && err) return new ConnectionError('interrupted', `the remote proxy on ${this.description} stopped${detail}`);
    return null;
  }

  private onChannelClosed(): void {
    if (this.destroyed) return;
    const failure = this.failure();
    if (failure) {
      this.destroy(failure);
      return;
    }
    // A clean end: the readable side ends; without half-open the writable side follows and the stream closes.
    this.push(null);
  }

  override _read(): void {
    this.channel.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.channel.write(chunk)) cb();
    else this.channel.once('drain', () => cb());
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.channel.end();
    cb();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.channel.close();
    this.session.end();
    // A dead peer never answers the disconnect: cut the TCP connection after a grace period.
    setTimeout(() => this.session.destroy(), END_GRACE_MS).unref();
    cb(err);
  }
}
