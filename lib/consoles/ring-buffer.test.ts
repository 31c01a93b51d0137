import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

const bytes = (s: string) => Buffer.from(s, 'latin1');

/** A ring of `capacity` bytes after writing each chunk in turn. */
function ringAfter(capacity: number, ...chunks: string[]): RingBuffer {
  const r = new RingBuffer(capacity);
  for (const c of chunks) r.write(bytes(c));
  return r;
}
const text = (r: RingBuffer) => r.contents().toString('latin1');

describe('RingBuffer', () => {
  it('keeps everything while under capacity', () => {
    const r = ringAfter(8, 'abc', 'de');
    expect(text(r)).toBe('abcde');
    expect(r.size).toBe(5);
    expect(r.total).toBe(5);
  });

  it('drops the oldest bytes when full, across the wrap point', () => {
    const r = ringAfter(5, 'abcd', 'efg');
    expect(text(r)).toBe('cdefg');
    r.write(bytes('h'));
    expect(text(r)).toBe('defgh');
    expect(r.total).toBe(8);
  });

  it('keeps only the tail of a chunk larger than the buffer', () => {
    expect(text(ringAfter(4, 'xy', '0123456789'))).toBe('6789');
  });

  it('matches a naive model for every split of a long input', () => {
    const input = bytes('The quick brown fox jumps over the lazy dog 0123456789');
    for (let cap = 1; cap <= 12; cap++) {
      for (let step = 1; step <= 7; step++) {
        const r = new RingBuffer(cap);
        for (let i = 0; i < input.length; i += step) r.write(input.subarray(i, i + step));
        expect(r.contents().equals(input.subarray(input.length - cap))).toBe(true);
      }
    }
  });

  it('is empty after clear and refuses a silly capacity', () => {
    const r = ringAfter(3, 'abc');
    r.clear();
    expect(r.contents().length).toBe(0);
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});
