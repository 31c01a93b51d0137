// The scrollback log of one console: the last `capacity` bytes the guest printed. Older bytes are
// overwritten, so a guest that prints forever costs a fixed amount of memory.

export class RingBuffer {
  private readonly buf: Buffer;
  private start = 0;
  private length = 0;
  /** Bytes ever written, including those since overwritten. */
  total = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity <= 0) throw new RangeError('capacity must be a positive integer');
    this.buf = Buffer.alloc(capacity);
  }

  get size(): number {
    return this.length;
  }

  write(data: Uint8Array): void {
    this.total += data.length;
    // Only the tail of an oversized chunk can survive.
    const src = data.length > this.capacity ? data.subarray(data.length - this.capacity) : data;
    const end = (this.start + this.length) % this.capacity;
    const first = Math.min(src.length, this.capacity - end);
    this.buf.set(src.subarray(0, first), end);
    this.buf.set(src.subarray(first), 0);
    const overflow = Math.max(0, this.length + src.length - this.capacity);
    this.start = (this.start + overflow) % this.capacity;
    this.length = Math.min(this.capacity, this.length + src.length);
  }

  /** A copy of what is kept, oldest first. */
  contents(): Buffer {
    const out = Buffer.alloc(this.length);
    const first = Math.min(this.length, this.capacity - this.start);
    this.buf.copy(out, 0, this.start, this.start + first);
    this.buf.copy(out, first, 0, this.length - first);
    return out;
  }

  clear(): void {
    this.start = 0;
    this.length = 0;
  }
}
