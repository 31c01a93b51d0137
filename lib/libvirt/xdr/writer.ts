import { XdrError } from './errors';

const ZERO_PAD = Buffer.alloc(4);

/**
 * A growable big-endian XDR buffer (RFC 4506). One instance is reused per message; `finish()` returns a view,
 * so callers must copy or send it before the next reset.
 */
export class XdrWriter {
  private buf: Buffer;
  private pos = 0;

  constructor(initialSize = 256) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  get length(): number {
    return this.pos;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  int(v: number): void {
    if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) throw new XdrError(`int out of range: ${v}`);
    this.ensure(4);
    this.buf.writeInt32BE(v, this.pos);
    this.pos += 4;
  }

  uint(v: number): void {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new XdrError(`unsigned int out of range: ${v}`);
    this.ensure(4);
    this.buf.writeUInt32BE(v, this.pos);
    this.pos += 4;
  }

  hyper(v: bigint): void {
    if (BigInt.asIntN(64, v) !== v) throw new XdrError(`hyper out of range: ${v}`);
    this.ensure(8);
    this.buf.writeBigInt64BE(BigInt.asIntN(64, v), this.pos);
    this.pos += 8;
  }

  uhyper(v: bigint): void {
    if (BigInt.asUintN(64, v) !== v) throw new XdrError(`unsigned hyper out of range: ${v}`);
    this.ensure(8);
    this.buf.writeBigUInt64BE(BigInt.asUintN(64, v), this.pos);
    this.pos += 8;
  }

  bool(v: boolean): void {
    this.uint(v ? 1 : 0);
  }

  float(v: number): void {
    this.ensure(4);
    this.buf.writeFloatBE(v, this.pos);
    this.pos += 4;
  }

  double(v: number): void {
    this.ensure(8);
    this.buf.writeDoubleBE(v, this.pos);
    this.pos += 8;
  }

  /** Variable-length opaque: length, bytes, zero padding to a multiple of four. */
  opaque(v: Uint8Array, max: number): void {
    if (v.length > max) throw new XdrError(`opaque of ${v.length} bytes exceeds its limit of ${max}`);
    this.uint(v.length);
    this.fixedOpaque(v, v.length);
  }

  fixedOpaque(v: Uint8Array, size: number): void {
    if (v.length !== size) throw new XdrError(`fixed opaque needs ${size} bytes, got ${v.length}`);
    const pad = (4 - (size % 4)) % 4;
    this.ensure(size + pad);
    this.buf.set(v, this.pos);
    this.pos += size;
    ZERO_PAD.copy(this.buf, this.pos, 0, pad);
    this.pos += pad;
  }

  string(v: string, max: number): void {
    const len = Buffer.byteLength(v, 'utf8');
    if (len > max) throw new XdrError(`string of ${len} bytes exceeds its limit of ${max}`);
    this.uint(len);
    const pad = (4 - (len % 4)) % 4;
    this.ensure(len + pad);
    this.buf.write(v, this.pos, len, 'utf8');
    this.pos += len;
    ZERO_PAD.copy(this.buf, this.pos, 0, pad);
    this.pos += pad;
  }

  /** Length prefix of a variable array, checked against the declared maximum. */
  arrayLength(n: number, max: number): void {
    if (n > max) throw new XdrError(`array of ${n} elements exceeds its limit of ${max}`);
    this.uint(n);
  }

  /** Overwrites an unsigned int already written at `offset` (used for the frame length). */
  patchUint(offset: number, v: number): void {
    this.buf.writeUInt32BE(v, offset);
  }

  reset(): void {
    this.pos = 0;
  }

  /** A copy of the bytes written so far, safe to keep after the writer is reused. */
  toBuffer(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.pos));
  }
}
