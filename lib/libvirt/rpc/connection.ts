import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { XdrReader, XdrWriter } from '../xdr';
import { AbortError, ConnectionError, LibvirtError, ProtocolError, TimeoutError } from '../errors';
import { decRemoteError } from '../protocol/remote.gen';
import { RpcStream, type StreamMode } from '../streams/rpc-stream';
import { PacketFramer } from './framer';
import {
  HEADER_SIZE,
  KeepaliveProc,
  LEN_SIZE,
  MessageType,
  PROGRAM_VERSION,
  Program,
  Status,
  decodeHeader,
  encodePacket,
  encodeRawPacket,
  type Header,
} from './packet';
import type { CallOptions, Decoder, Encoder, ProcedureCaller } from './types';

/** The daemon's error report; a report that does not decode still fails the call, as a ProtocolError. */
function remoteErrorOf(body: XdrReader): Error {
  try {
    return new LibvirtError(decRemoteError(body));
  } catch (err) {
    return new ProtocolError(`error reply did not decode: ${(err as Error).message}`);
  }
}

interface PendingCall {
  proc: number;
  dec: Decoder<unknown> | null;
  resolve(v: unknown): void;
  reject(e: Error): void;
  cleanup(): void;
}

export interface RpcConnectionOptions {
  /** Default wait for a reply, in ms (0 = none). */
  callTimeoutMs?: number;
}

export interface KeepaliveOptions {
  /** Send a ping after this long without hearing from the peer. */
  intervalMs: number;
  /** Declare the peer dead after this many intervals of silence. */
  count: number;
}

/**
 * One libvirt RPC session over a connected byte stream: serial numbers, many calls in flight matched to their
 * replies, server-sent messages, stream packets and keepalive. Knows nothing of URIs, dialing or reconnecting.
 *
 * Events: 'message' (header, body reader) for server-sent messages of the remote program,
 * 'protocol-warning' (Error) for packets it could not place but survived, 'close' (ConnectionError).
 */
export class RpcConnection extends EventEmitter implements ProcedureCaller {
  private readonly framer = new PacketFramer();
  private readonly writer = new XdrWriter(4096);
  private readonly pending = new Map<number, PendingCall>();
  /** Serials whose caller gave up (timeout/abort): their late replies are dropped quietly. */
  private readonly abandoned = new Set<number>();
  private readonly streams = new Map<number, RpcStream>();
  private readonly pausedBy = new Set<RpcStream>();
  private nextSerial = 1;
  private closedWith: ConnectionError | null = null;
  private lastRx = Date.now();
  private keepaliveTimer: NodeJS.Timeout | null = null;
  private readonly callTimeoutMs: number;
  private corked = false;

  constructor(
    private readonly socket: Duplex,
    opts: RpcConnectionOptions = {},
  ) {
    super();
    this.callTimeoutMs = opts.callTimeoutMs ?? 0;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => this.fail(new ConnectionError('interrupted', `connection to libvirtd failed: ${err.message}`, { cause: err })));
    socket.on('close', () => this.fail(new ConnectionError('interrupted', 'connection to libvirtd closed')));
  }

  get closed(): boolean {
    return this.closedWith !== null;
  }

  get inFlight(): number {
    return this.pending.size;
  }

  call<A, R>(proc: number, args: A, enc: Encoder<A> | null, dec: Decoder<R> | null, opts: CallOptions = {}): Promise<R> {
    return this.send(proc, args, enc, dec, opts).promise;
  }

  async callStream<A, R>(
    proc: number,
    args: A,
    enc: Encoder<A> | null,
    dec: Decoder<R> | null,
    mode: StreamMode,
    opts: CallOptions = {},
  ): Promise<{ ret: R; stream: RpcStream }> {
    const { serial, promise } = this.send(proc, args, enc, dec, opts);
    // Registered before the reply arrives: the daemon may send data right behind it.
    const stream = new RpcStream(this, proc, serial, mode);
    this.streams.set(serial, stream);
    try {
      return { ret: await promise, stream };
    } catch (err) {
      this.streams.delete(serial);
      if (err instanceof LibvirtError) stream.discard();
      else stream.destroy();
      throw err;
    }
  }

  private send<A, R>(proc: number, args: A, enc: Encoder<A> | null, dec: Decoder<R> | null, opts: CallOptions): { serial: number; promise: Promise<R> } {
    const serial = this.allocSerial();
    const promise = new Promise<R>((resolve, reject) => {
      if (this.closedWith) return reject(this.closedWith);
      if (opts.signal?.aborted) return reject(new AbortError(`call ${proc} aborted before it was sent`));
      let packet: Buffer;
      try {
        const h = { program: Program.REMOTE, version: PROGRAM_VERSION, procedure: proc, type: MessageType.CALL, serial, status: Status.OK };
        packet = encodePacket(this.writer, h, enc ? { enc, value: args } : undefined);
      } catch (err) {
        return reject(err instanceof Error ? err : new Error(String(err)));
      }
      const timeoutMs = opts.timeoutMs ?? this.callTimeoutMs;
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => this.giveUp(serial, new AbortError(`call ${proc} aborted`));
      const cleanup = () => {
        if (timer) clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
      };
      this.pending.set(serial, { proc, dec, resolve, reject, cleanup });
      if (timeoutMs > 0) {
        timer = setTimeout(() => this.giveUp(serial, new TimeoutError(`call ${proc} got no reply within ${timeoutMs} ms`)), timeoutMs);
      }
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      this.write(packet);
    });
    return { serial, promise };
  }

  private allocSerial(): number {
    const s = this.nextSerial;
    this.nextSerial = this.nextSerial >= 0xffffffff ? 1 : this.nextSerial + 1;
    return s;
  }

  private giveUp(serial: number, err: Error): void {
    const p = this.pending.get(serial);
    if (!p) return;
    this.pending.delete(serial);
    this.abandoned.add(serial);
    p.cleanup();
    p.reject(err);
  }

  /** Starts client-side pings. Only call after the daemon said it supports the keepalive program. */
  startKeepalive(opts: KeepaliveOptions): void {
    this.stopKeepalive();
    this.keepaliveTimer = setInterval(() => {
      const silent = Date.now() - this.lastRx;
      if (silent >= opts.intervalMs * opts.count) {
        this.fail(new ConnectionError('keepalive-timeout', `libvirtd did not answer for ${silent} ms`));
        this.socket.destroy();
      } else if (silent >= opts.intervalMs) {
        this.sendKeepalive(KeepaliveProc.PING);
      }
    }, opts.intervalMs);
    this.keepaliveTimer.unref();
  }

  private stopKeepalive(): void {
    if (this.keepaliveTimer) clearInterval(this.keepaliveTimer);
    this.keepaliveTimer = null;
  }

  private sendKeepalive(proc: number): void {
    if (this.closedWith) return;
    const h = { program: Program.KEEPALIVE, version: PROGRAM_VERSION, procedure: proc, type: MessageType.MESSAGE, serial: 0, status: Status.OK };
    this.write(encodePacket(this.writer, h));
  }

  /**
   * Packets sent in the same tick leave in one writev: a burst of pipelined calls (Promise.all over 500
   * domains) costs one system call and one daemon wake-up instead of 500.
   */
  private write(packet: Buffer): void {
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    this.socket.write(packet);
  }

  /** Closes the session; everything in flight fails with `reason`. */
  close(err = new ConnectionError('closed', 'connection closed by the client')): void {
    this.fail(err);
    this.socket.end();
    this.socket.destroy();
  }

  private fail(err: ConnectionError): void {
    if (this.closedWith) return;
    this.closedWith = err;
    this.stopKeepalive();
    for (const p of this.pending.values()) {
      p.cleanup();
      p.reject(err);
    }
    this.pending.clear();
    this.abandoned.clear();
    // A deliberate close ends streams quietly; a dropped connection is an error their users must hear about.
    for (const s of this.streams.values()) s.destroy(err.reason === 'closed' ? undefined : err);
    this.streams.clear();
    this.pausedBy.clear();
    this.emit('close', err);
  }

  private onData(chunk: Buffer): void {
    this.lastRx = Date.now();
    let packets: Buffer[];
    try {
      packets = this.framer.push(chunk);
    } catch (err) {
      // Framing is lost for good: nothing after this can be trusted.
      this.fail(new ConnectionError('protocol', (err as Error).message, { cause: err }));
      this.socket.destroy();
      return;
    }
    for (const p of packets) {
      if (this.closedWith) return;
      try {
        this.dispatch(decodeHeader(p), p);
      } catch (err) {
        this.emit('protocol-warning', err instanceof Error ? err : new ProtocolError(String(err)));
      }
    }
  }

  private dispatch(h: Header, packet: Buffer): void {
    const body = new XdrReader(packet, LEN_SIZE + HEADER_SIZE);
    if (h.program === Program.KEEPALIVE) {
      if (h.procedure === KeepaliveProc.PING) this.sendKeepalive(KeepaliveProc.PONG);
      return;
    }
    if (h.program !== Program.REMOTE) throw new ProtocolError(`packet for unknown program 0x${h.program.toString(16)}`);
    switch (h.type) {
      case MessageType.REPLY:
      case MessageType.REPLY_WITH_FDS:
        return this.onReply(h, body);
      case MessageType.MESSAGE:
        this.emit('message', h, body);
        return;
      case MessageType.STREAM:
      case MessageType.STREAM_HOLE:
        return this.onStreamPacket(h, body, packet);
      default:
        throw new ProtocolError(`unexpected message type ${h.type} for procedure ${h.procedure}`);
    }
  }

  private onReply(h: Header, body: XdrReader): void {
    const p = this.pending.get(h.serial);
    if (!p) {
      if (this.abandoned.delete(h.serial)) return;
      // A reply may also close a stream (finish/abort confirmation with an error).
      const s = this.streams.get(h.serial);
      if (s && h.status === Status.ERROR) return s.onRemoteError(remoteErrorOf(body));
      throw new ProtocolError(`reply for unknown serial ${h.serial} (procedure ${h.procedure})`);
    }
    this.pending.delete(h.serial);
    p.cleanup();
    if (h.status === Status.ERROR) {
      p.reject(remoteErrorOf(body));
      return;
    }
    try {
      const value = p.dec ? p.dec(body) : undefined;
      body.assertDone();
      p.resolve(value);
    } catch (err) {
      p.reject(new ProtocolError(`reply to procedure ${p.proc} did not decode: ${(err as Error).message}`));
    }
  }

  private onStreamPacket(h: Header, body: XdrReader, packet: Buffer): void {
    const s = this.streams.get(h.serial);
    if (!s) {
      // Data already in flight when we aborted, then the confirmation of the abort: drop them all quietly.
      if (h.status === Status.CONTINUE ? this.abandoned.has(h.serial) : this.abandoned.delete(h.serial)) return;
      throw new ProtocolError(`stream packet for unknown serial ${h.serial}`);
    }
    if (h.status === Status.ERROR) return s.onRemoteError(remoteErrorOf(body));
    if (h.type === MessageType.STREAM_HOLE) return; // sparse streams are never requested
    // Data comes as CONTINUE; an empty CONTINUE is the end of the data, and OK confirms our finish.
    const payload = packet.subarray(LEN_SIZE + HEADER_SIZE);
    if (h.status === Status.CONTINUE && payload.length > 0) return s.onRemoteData(payload);
    s.onRemoteEnd();
  }

  // --- used by RpcStream ---

  /** Sends stream data; resolves when the socket has taken it, so writers feel the socket's backpressure. */
  sendStreamData(stream: RpcStream, status: number, payload: Uint8Array): Promise<void> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const h = { program: Program.REMOTE, version: PROGRAM_VERSION, procedure: stream.proc, type: MessageType.STREAM, serial: stream.serial, status };
    const packet = encodeRawPacket(h, payload);
    return new Promise((resolve, reject) => {
      this.socket.write(packet, (err) => (err ? reject(err) : resolve()));
    });
  }

  /** A stream's reader is full: stop reading the socket until it drains (backpressure reaches libvirtd). */
  pauseFor(stream: RpcStream): void {
    this.pausedBy.add(stream);
    this.socket.pause();
  }

  resumeFor(stream: RpcStream): void {
    if (!this.pausedBy.delete(stream)) return;
    if (this.pausedBy.size === 0 && !this.closedWith) this.socket.resume();
  }

  forgetStream(stream: RpcStream, awaitingConfirmation = false): void {
    if (this.streams.get(stream.serial) === stream) this.streams.delete(stream.serial);
    if (awaitingConfirmation && !this.closedWith) this.abandoned.add(stream.serial);
    this.resumeFor(stream);
  }
}
