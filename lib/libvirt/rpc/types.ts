import type { XdrReader, XdrWriter } from '../xdr';
import type { RpcStream, StreamMode } from '../streams/rpc-stream';

export interface CallOptions {
  /** Abort the wait for this call's reply. The daemon may still carry the call out. */
  signal?: AbortSignal;
  /** Milliseconds to wait for the reply; defaults to the connection's call timeout. */
  timeoutMs?: number;
}

export type Encoder<T> = (w: XdrWriter, v: T) => void;
export type Decoder<T> = (r: XdrReader) => T;

/** What generated procedure methods need from the connection. */
export interface ProcedureCaller {
  call<A, R>(proc: number, args: A, enc: Encoder<A> | null, dec: Decoder<R> | null, opts?: CallOptions): Promise<R>;
  callStream<A, R>(
    proc: number,
    args: A,
    enc: Encoder<A> | null,
    dec: Decoder<R> | null,
    mode: StreamMode,
    opts?: CallOptions,
  ): Promise<{ ret: R; stream: RpcStream }>;
}
