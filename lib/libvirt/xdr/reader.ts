import { XdrError } from './errors';

/** A bounds-checked cursor over one XDR-encoded message body. Never allocates more than the input holds. */
export class XdrReader {
  private pos: number;

  constructor(
    private readonly buf: Buffer,
    offset = 0,
    private readonly end = buf.length,
  ) {
    this.pos = offset;
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number): void {
    if (this.pos + n > this.end) {
      throw new XdrError(`truncated: need ${n} bytes at offset ${this.pos}, have ${this.end - this.pos}`);
    }
  }

  int(): number {
    this.need(4);
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  uint(): number {
    this.need(4);
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  hyper(): bigint {
    this.need(8);
    const v = this.buf.readBigInt64BE(this.pos);
    this.pos += 8;
    return v;
  }

  uhyper(): bigint {
    this.need(8);
    const v = this.buf.readBigUInt64BE(this.pos);
    this.pos += 8;
    return v;
  }

  bool(): boolean {
    const v = this.uint();
    if (v > 1) throw new XdrError(`bool must be 0 or 1, got ${v}`);
    return v === 1;
  }

  float(): number {
    this.need(4);
    const v = this.buf.readFloatBE(this.pos);
    this.pos += 4;
    return v;
  }

  double(): number {
    this.need(8);
    const v = this.buf.readDoubleBE(this.pos);
    this.pos += 8;
    return v;
  }

  opaque(max: number): Buffer {
    const len = this.uint();
    if (len > max) throw new XdrError(`opaque length ${len} exceeds its limit of ${max}`);
    return this.fixedOpaque(len);
  }

  /** Returns a copy, so decoded values never pin the (large, reused) receive buffer. */
  fixedOpaque(size: number): Buffer {
    const padded = size + ((4 - (size % 4)) % 4);
    this.need(padded);
    const v = Buffer.from(this.buf.subarray(this.pos, this.pos + size));
    this.pos += padded;
    return v;
  }

  string(max: number): string {
    const len = this.uint();
    if (len > max) throw new XdrError(`string length ${len} exceeds its limit of ${max}`);
    const padded = len + ((4 - (len % 4)) % 4);
    this.need(padded);
    const v = this.buf.toString('utf8', this.pos, this.pos + len);
    this.pos += padded;
    return v;
  }

  /**
   * Length prefix of a variable array. Besides the declared maximum, each element takes at least four bytes,
   * so a length larger than what is left is rejected before anything is allocated.
   */
  arrayLength(max: number): number {
    const n = this.uint();
    if (n > max) throw new XdrError(`array length ${n} exceeds its limit of ${max}`);
    if (n * 4 > this.remaining) throw new XdrError(`array length ${n} exceeds the ${this.remaining} bytes left`);
    return n;
  }

  /** Fails when bytes are left over: a reply longer than its type means the two sides disagree on the layout. */
  assertDone(): void {
    if (this.pos !== this.end) throw new XdrError(`${this.end - this.pos} unexpected trailing bytes`);
  }
}
