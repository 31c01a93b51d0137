import { describe, expect, it } from 'vitest';
import { decodePoint, encodePoint, layoutHash, layoutOf } from './pack';

describe('packed points', () => {
  it('round-trips through float32 in the layout order, gaps staying gaps', () => {
    const p = { cpu: 12.5, memUsed: 123_456_789_012, 'disk/vda/readBps': 0 };
    const layout = layoutOf(p);
    expect(layout.keys).toEqual(['cpu', 'disk/vda/readBps', 'memUsed']);
    const bytes = encodePoint({ cpu: 12.5, memUsed: 123_456_789_012 }, layout.keys);
    expect(bytes.byteLength).toBe(12);
    const back = decodePoint(bytes, layout.keys);
    expect(back.cpu).toBe(12.5);
    expect(back['disk/vda/readBps']).toBeUndefined();
    expect(Math.abs(back.memUsed! - 123_456_789_012) / 123_456_789_012).toBeLessThan(1e-7);
  });

  it('names a layout by its keys only', () => {
    expect(layoutOf({ a: 1, b: 2 }).hash).toBe(layoutOf({ b: 5, a: 9 }).hash);
    expect(layoutHash(['a', 'b'])).not.toBe(layoutHash(['a', 'c']));
  });

  it('reads a short or misaligned blob without throwing', () => {
    const bytes = encodePoint({ a: 1, b: 2 }, ['a', 'b']);
    expect(decodePoint(bytes.subarray(0, 6), ['a', 'b'])).toEqual({ a: 1 });
  });
});
