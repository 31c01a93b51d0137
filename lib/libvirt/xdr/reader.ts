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

  /** Claims the next `n` bytes; returns where they start. */
  private take(n: number): number {
    this.need(n);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  /** Claims `size` bytes of data and the padding that rounds them up to four. */
  private takePadded(size: number): number {
    return this.take(size + ((4 - (size % 4)) % 4));
  }

  int(): number {
    return this.buf.readInt32BE(this.take(4));
  }

  uint(): number {
    return this.buf.readUInt32BE(this.take(4));
  }

  hyper(): bigint {
    return this.buf.readBigInt64BE(this.take(8));
  }

  uhyper(): bigint {
    return this.buf.readBigUInt64BE(this.take(8));
  }

  bool(): boolean {
    const v = this.uint();
    if (v > 1) throw new XdrError(`bool must be 0 or 1, got ${v}`);
    return v === 1;
  }

  float(): number {
    return this.buf.readFloatBE(this.take(4));
  }

  double(): number {
    return this.buf.readDoubleBE(this.take(8));
  }

  opaque(max: number): Buffer {
    return this.fixedOpaque(this.length('opaque', max));
  }

  /** Returns a copy, so decoded values never pin the (large, reused) receive buffer. */
  fixedOpaque(size: number): Buffer {
    const at = this.takePadded(size);
    return Buffer.from(this.buf.subarray(at, at + size));
  }

  string(max: number): string {
    const len = this.length('string', max);
    const at = this.takePadded(len);
    return this.buf.toString('utf8', at, at + len);
  }

  private length(what: string, max: number): number {
    const len = this.uint();
    if (len > max) throw new XdrError(`${what} length ${len} exceeds its limit of ${max}`);
    return len;
  }

  /**
   * Length prefix of a variable array. Besides the declared maximum, each element takes at least four bytes,
   * so a length larger than what is left is rejected before anything is allocated.
   */
  arrayLength(max: number): number {
    const n = this.length('array', max);
    if (n * 4 > this.remaining) throw new XdrError(`array length ${n} exceeds the ${this.remaining} bytes left`);
    return n;
  }

  /** Fails when bytes are left over: a reply longer than its type means the two sides disagree on the layout. */
  assertDone(): void {
    if (this.pos !== this.end) throw new XdrError(`${this.end - this.pos} unexpected trailing bytes`);
  }
}
