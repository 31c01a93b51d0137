import { Duplex } from 'node:stream';
import { STREAM_CHUNK_MAX, Status } from '../rpc/packet';

/** Which way data flows on a stream; rpc/types imports it from here so the two files do not import each other. */
export type StreamMode = 'read' | 'write' | 'both';

/** What a stream needs from its connection (kept narrow so the two files do not import each other's class). */
export interface StreamHost {
  sendStreamData(stream: RpcStream, status: number, payload: Uint8Array): Promise<void>;
  pauseFor(stream: RpcStream): void;
  resumeFor(stream: RpcStream): void;
  /** `awaitingConfirmation`: the daemon will still answer once (after an abort); drop that answer quietly. */
  forgetStream(stream: RpcStream, awaitingConfirmation?: boolean): void;
}

const EMPTY = new Uint8Array(0);
/** Readable buffer before the connection stops reading the socket: a few packets, not a guest's whole output. */
const READ_HIGH_WATER = 1024 * 1024;

/**
 * A libvirt data stream (console, volume upload/download) as a Node Duplex. Incoming data is pushed with
 * backpressure: when the reader falls behind, the connection pauses its socket, the daemon stops sending, and
 * the daemon in turn stops reading the source (it sends one packet at a time). Ending the writable side sends
 * libvirt's finish handshake; destroying the stream early sends an abort.
 */
export class RpcStream extends Duplex {
  private finishWaiter: { resolve(): void; reject(e: Error): void } | null = null;
  private settled = false; // the daemon has let go of this stream (finish confirmed, abort sent or error)
  private remoteEnded = false;
  private finishSent = false;

  constructor(
    private readonly host: StreamHost,
    readonly proc: number,
    readonly serial: number,
    readonly mode: StreamMode,
  ) {
    // `readable`/`writable` are honoured by Node 20 although its type definitions lack them.
    const options = { readable: mode !== 'write', writable: mode !== 'read', readableHighWaterMark: READ_HIGH_WATER, allowHalfOpen: true };
    super(options);
  }

  onRemoteData(data: Buffer): void {
    if (this.remoteEnded || this.destroyed) return;
    if (!this.push(data)) this.host.pauseFor(this);
  }

  /** Status OK from the daemon: confirmation of our finish, or end of data it sends. */
  onRemoteEnd(): void {
    if (this.finishWaiter) {
      const w = this.finishWaiter;
      this.finishWaiter = null;
      this.settle();
      w.resolve();
      return;
    }
    if (this.remoteEnded) return;
    this.remoteEnded = true;
    this.push(null);
    // The daemon keeps its end open until we finish too.
    if (!this.writable || this.mode === 'read') void this.finish().catch((err: Error) => this.destroy(err));
  }

  onRemoteError(err: Error): void {
    this.settle();
    if (this.finishWaiter) {
      const w = this.finishWaiter;
      this.finishWaiter = null;
      w.reject(err);
      return;
    }
    this.destroy(err);
  }

  override _read(): void {
    this.host.resumeFor(this);
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    void this.sendChunks(chunk).then(() => cb(), cb);
  }

  private async sendChunks(chunk: Buffer): Promise<void> {
    for (let off = 0; off < chunk.length; off += STREAM_CHUNK_MAX) {
      await this.host.sendStreamData(this, Status.CONTINUE, chunk.subarray(off, off + STREAM_CHUNK_MAX));
    }
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.finish().then(() => cb(), cb);
  }

  private finish(): Promise<void> {
    if (this.settled) return Promise.resolve();
    this.finishSent = true;
    return new Promise<void>((resolve, reject) => {
      this.finishWaiter = { resolve, reject };
      this.host.sendStreamData(this, Status.OK, EMPTY).catch((err: Error) => {
        this.finishWaiter = null;
        reject(err);
      });
    });
  }

  /** Closes a stream the daemon never opened (its call failed): no abort goes out. */
  discard(): void {
    this.settled = true;
    this.destroy();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    if (!this.settled) {
      // Abort (status ERROR, no body) unless a finish is already on its way; either way the daemon answers
      // once more, and that answer is dropped.
      if (!this.finishSent) this.host.sendStreamData(this, Status.ERROR, EMPTY).catch(() => undefined);
      this.finishWaiter = null;
      this.settle(true);
    }
    cb(err);
  }

  private settle(awaitingConfirmation = false): void {
    if (this.settled) return;
    this.settled = true;
    this.host.forgetStream(this, awaitingConfirmation);
  }
}
