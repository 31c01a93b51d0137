/**
 * Test-only XDR byte builder. It deliberately shares no code with lib/libvirt/xdr or rpc/packet, so tests compare
 * the client against bytes written out by hand rather than against itself.
 */

export const PROGRAM_REMOTE = 0x20008086;
export const PROGRAM_KEEPALIVE = 0x6b656570;
export const TYPE = { CALL: 0, REPLY: 1, MESSAGE: 2, STREAM: 3 } as const;
export const STATUS = { OK: 0, ERROR: 1, CONTINUE: 2 } as const;

/** Four big-endian bytes of a 32-bit value; negative numbers are written in two's complement. */
export function be32(n: number): Buffer {
  const u = n < 0 ? n + 2 ** 32 : n;
  return Buffer.from([(u >>> 24) & 0xff, (u >>> 16) & 0xff, (u >>> 8) & 0xff, u & 0xff]);
}

/** Eight big-endian bytes of a 64-bit value; negative numbers are written in two's complement. */
export function be64(n: bigint): Buffer {
  let u = n < 0n ? n + 2n ** 64n : n;
  const out = Buffer.alloc(8);
  for (let i = 7; i >= 0; i--) {
    out[i] = Number(u & 0xffn);
    u >>= 8n;
  }
  return out;
}

export const bool = (b: boolean): Buffer => be32(b ? 1 : 0);

export function f32(x: number): Buffer {
  const out = Buffer.alloc(4);
  new DataView(out.buffer, out.byteOffset, 4).setFloat32(0, x, false);
  return out;
}

export function f64(x: number): Buffer {
  const out = Buffer.alloc(8);
  new DataView(out.buffer, out.byteOffset, 8).setFloat64(0, x, false);
  return out;
}

/** The bytes followed by zeros up to a multiple of four. */
export function padded(bytes: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(bytes), Buffer.alloc((4 - (bytes.length % 4)) % 4)]);
}

/** Variable-length opaque: length, bytes, padding. */
export function opaque(bytes: Uint8Array): Buffer {
  return Buffer.concat([be32(bytes.length), padded(bytes)]);
}

/** XDR string: UTF-8 byte length, bytes, padding. */
export function str(s: string): Buffer {
  return opaque(Buffer.from(s, 'utf8'));
}

/** Optional (`T *x`): absent is a zero bool, present is a one bool then the value. */
export function opt(value: Buffer | null): Buffer {
  return value === null ? be32(0) : Buffer.concat([be32(1), value]);
}

export function cat(...parts: Uint8Array[]): Buffer {
  return Buffer.concat(parts);
}

export interface HeaderSpec {
  prog?: number;
  vers?: number;
  proc: number;
  type: number;
  serial: number;
  status?: number;
}

/** A whole packet: length word (counting itself), the six header words, then the body. */
export function packet(h: HeaderSpec, body: Uint8Array = Buffer.alloc(0)): Buffer {
  const header = cat(be32(h.prog ?? PROGRAM_REMOTE), be32(h.vers ?? 1), be32(h.proc), be32(h.type), be32(h.serial), be32(h.status ?? STATUS.OK));
  return cat(be32(4 + header.length + body.length), header, body);
}

export interface ParsedPacket {
  prog: number;
  vers: number;
  proc: number;
  type: number;
  serial: number;
  status: number;
  body: Buffer;
}

function u32(b: Buffer, at: number): number {
  return ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
}

/** Reads one whole packet as written by `packet` (the length word must match the buffer). */
export function parsePacket(b: Buffer): ParsedPacket {
  if (u32(b, 0) !== b.length) throw new Error(`length word ${u32(b, 0)} does not match ${b.length} bytes`);
  return {
    prog: u32(b, 4),
    vers: u32(b, 8),
    proc: u32(b, 12),
    type: u32(b, 16),
    serial: u32(b, 20),
    status: u32(b, 24),
    body: b.subarray(28),
  };
}

/** Splits a byte stream into packets, one length word at a time (a deliberately naive twin of the framer). */
export class PacketSplitter {
  private buf = Buffer.alloc(0);

  push(chunk: Buffer): ParsedPacket[] {
    this.buf = Buffer.concat([this.buf, chunk]);
    const out: ParsedPacket[] = [];
    while (this.buf.length >= 4 && this.buf.length >= u32(this.buf, 0)) {
      const len = u32(this.buf, 0);
      out.push(parsePacket(Buffer.from(this.buf.subarray(0, len))));
      this.buf = this.buf.subarray(len);
    }
    return out;
  }
}

/** A libvirt remote_error body (status ERROR reply), every optional field absent except the message. */
export function remoteErrorBody(code: number, domain: number, message: string | null, level = 2): Buffer {
  return cat(
    be32(code),
    be32(domain),
    opt(message === null ? null : str(message)),
    be32(level),
    opt(null),
    opt(null),
    opt(null),
    opt(null),
    be32(0),
    be32(0),
    opt(null),
  );
}
