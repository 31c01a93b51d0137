import { describe, expect, it } from 'vitest';
import { XdrError, XdrReader, XdrWriter, decArray, decFixedArray, decOptional, encArray, encFixedArray, encOptional } from '.';
import { be32, be64, bool, cat, f32, f64, opaque, opt, padded, str } from '../test-support/bytes';

/** Bytes produced by the writer (started tiny, so every case also exercises growth). */
function written(fn: (w: XdrWriter) => void): Buffer {
  const w = new XdrWriter(4);
  fn(w);
  return w.toBuffer();
}

/** Decodes `bytes` with `fn` and insists nothing is left over. */
function read<T>(bytes: Buffer, fn: (r: XdrReader) => T): T {
  const r = new XdrReader(bytes);
  const v = fn(r);
  r.assertDone();
  return v;
}

describe('int', () => {
  it.each([0, 1, -1, 42, 0x7fffffff, -0x80000000])('round-trips %d', (n) => {
    const bytes = written((w) => w.int(n));
    expect(bytes).toEqual(be32(n));
    expect(read(bytes, (r) => r.int())).toBe(n);
  });
  it('writes -1 as ff ff ff ff', () => {
    expect(written((w) => w.int(-1))).toEqual(Buffer.from([0xff, 0xff, 0xff, 0xff]));
  });
  it.each([0x80000000, -0x80000001, 1.5, Number.NaN])('refuses %d', (n) => {
    expect(() => written((w) => w.int(n))).toThrow(XdrError);
  });
  it('fails on truncated input', () => {
    expect(() => new XdrReader(Buffer.from([0, 0, 1])).int()).toThrow(XdrError);
  });
});

describe('unsigned int', () => {
  it.each([0, 1, 0x80000000, 0xffffffff])('round-trips %d', (n) => {
    const bytes = written((w) => w.uint(n));
    expect(bytes).toEqual(be32(n));
    expect(read(bytes, (r) => r.uint())).toBe(n);
  });
  it.each([-1, 0x100000000, 2.5])('refuses %d', (n) => {
    expect(() => written((w) => w.uint(n))).toThrow(XdrError);
  });
  it('reads ff ff ff ff as 4294967295, not -1', () => {
    expect(read(Buffer.from([0xff, 0xff, 0xff, 0xff]), (r) => r.uint())).toBe(0xffffffff);
  });
});

describe('hyper and unsigned hyper', () => {
  const hypers = [0n, 1n, -1n, 2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n)];
  it.each(hypers)('round-trips hyper %s', (n) => {
    const bytes = written((w) => w.hyper(n));
    expect(bytes).toEqual(be64(n));
    expect(read(bytes, (r) => r.hyper())).toBe(n);
  });
  const uhypers = [0n, 1n, 2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n];
  it.each(uhypers)('round-trips unsigned hyper %s', (n) => {
    const bytes = written((w) => w.uhyper(n));
    expect(bytes).toEqual(be64(n));
    expect(read(bytes, (r) => r.uhyper())).toBe(n);
  });
  it('refuses a negative unsigned hyper', () => {
    expect(() => written((w) => w.uhyper(-1n))).toThrow(XdrError);
  });
  it('refuses values that do not fit in 64 bits instead of wrapping them', () => {
    expect(() => written((w) => w.uhyper(2n ** 64n))).toThrow(XdrError);
    expect(() => written((w) => w.hyper(2n ** 63n))).toThrow(XdrError);
    expect(() => written((w) => w.hyper(-(2n ** 63n) - 1n))).toThrow(XdrError);
  });
  it('reads the same eight bytes as -1 signed and 2^64-1 unsigned', () => {
    const ones = Buffer.alloc(8, 0xff);
    expect(read(ones, (r) => r.hyper())).toBe(-1n);
    expect(read(ones, (r) => r.uhyper())).toBe(2n ** 64n - 1n);
  });
  it('fails on truncated input', () => {
    expect(() => new XdrReader(Buffer.alloc(7)).hyper()).toThrow(XdrError);
    expect(() => new XdrReader(Buffer.alloc(7)).uhyper()).toThrow(XdrError);
  });
});

describe('bool', () => {
  it('round-trips true and false as 1 and 0', () => {
    expect(written((w) => w.bool(true))).toEqual(be32(1));
    expect(written((w) => w.bool(false))).toEqual(be32(0));
    expect(read(bool(true), (r) => r.bool())).toBe(true);
    expect(read(bool(false), (r) => r.bool())).toBe(false);
  });
  it('rejects 2 and -1', () => {
    expect(() => new XdrReader(be32(2)).bool()).toThrow(XdrError);
    expect(() => new XdrReader(be32(-1)).bool()).toThrow(XdrError);
  });
});

describe('float and double', () => {
  it.each([0, 1.5, -2.25, 3.4028234663852886e38, Number.POSITIVE_INFINITY])('round-trips float %d', (x) => {
    const bytes = written((w) => w.float(x));
    expect(bytes).toEqual(f32(x));
    expect(read(bytes, (r) => r.float())).toBe(x);
  });
  it('rounds a float to single precision', () => {
    expect(
      read(
        written((w) => w.float(0.1)),
        (r) => r.float(),
      ),
    ).toBe(Math.fround(0.1));
  });
  it.each([0, 0.1, -1e300, Number.MAX_VALUE, Number.MIN_VALUE, Number.NEGATIVE_INFINITY])('round-trips double %d', (x) => {
    const bytes = written((w) => w.double(x));
    expect(bytes).toEqual(f64(x));
    expect(read(bytes, (r) => r.double())).toBe(x);
  });
  it('keeps NaN and 1.0 has the IEEE layout', () => {
    expect(
      Number.isNaN(
        read(
          written((w) => w.double(Number.NaN)),
          (r) => r.double(),
        ),
      ),
    ).toBe(true);
    expect(written((w) => w.double(1))).toEqual(Buffer.from([0x3f, 0xf0, 0, 0, 0, 0, 0, 0]));
  });
});

describe('string', () => {
  it.each(['', 'a', 'ab', 'abc', 'abcd', 'abcde'])('pads %j to a multiple of four', (s) => {
    const bytes = written((w) => w.string(s, 100));
    expect(bytes).toEqual(str(s));
    expect(bytes.length % 4).toBe(0);
    expect(read(bytes, (r) => r.string(100))).toBe(s);
  });
  it('counts UTF-8 bytes, not characters', () => {
    const s = 'é→🐦'; // 2 + 3 + 4 bytes
    const bytes = written((w) => w.string(s, 9));
    expect(bytes.subarray(0, 4)).toEqual(be32(9));
    expect(bytes).toEqual(str(s));
    expect(read(bytes, (r) => r.string(9))).toBe(s);
  });
  it('enforces the maximum when writing', () => {
    expect(() => written((w) => w.string('abcde', 4))).toThrow(XdrError);
    expect(() => written((w) => w.string('é', 1))).toThrow(XdrError);
    expect(written((w) => w.string('abcd', 4))).toEqual(str('abcd'));
  });
  it('enforces the maximum when reading', () => {
    expect(() => new XdrReader(str('abcde')).string(4)).toThrow(/limit/);
    expect(read(str('abcd'), (r) => r.string(4))).toBe('abcd');
  });
  it('fails when the padding is missing', () => {
    expect(() => new XdrReader(cat(be32(3), Buffer.from('abc'))).string(10)).toThrow(XdrError);
  });
  it('fails on a length beyond the input', () => {
    expect(() => new XdrReader(cat(be32(1000), Buffer.from('abcd'))).string(4096)).toThrow(/truncated/);
  });
});

describe('opaque', () => {
  const bytesOf = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => i + 1));

  it.each([0, 1, 2, 3, 4, 5, 16])('variable opaque of %d bytes round-trips with padding', (n) => {
    const v = bytesOf(n);
    const bytes = written((w) => w.opaque(v, 16));
    expect(bytes).toEqual(opaque(v));
    expect(read(bytes, (r) => r.opaque(16))).toEqual(v);
  });
  it.each([1, 3, 4, 16])('fixed opaque of %d bytes has no length word', (n) => {
    const v = bytesOf(n);
    const bytes = written((w) => w.fixedOpaque(v, n));
    expect(bytes).toEqual(padded(v));
    expect(read(bytes, (r) => r.fixedOpaque(n))).toEqual(v);
  });
  it('writes zero padding even over a reused buffer', () => {
    const w = new XdrWriter(16);
    w.fixedOpaque(Buffer.alloc(16, 0xee), 16);
    w.reset();
    w.fixedOpaque(Buffer.from([7]), 1);
    expect(w.toBuffer()).toEqual(Buffer.from([7, 0, 0, 0]));
  });
  it('enforces maxima and fixed sizes', () => {
    expect(() => written((w) => w.opaque(bytesOf(17), 16))).toThrow(XdrError);
    expect(() => new XdrReader(opaque(bytesOf(17))).opaque(16)).toThrow(XdrError);
    expect(() => written((w) => w.fixedOpaque(bytesOf(15), 16))).toThrow(XdrError);
    expect(() => new XdrReader(Buffer.alloc(15)).fixedOpaque(16)).toThrow(XdrError);
  });
  it('returns a copy that does not alias the input', () => {
    const input = opaque(Buffer.from([1, 2, 3, 4]));
    const v = new XdrReader(input).opaque(4);
    input[4] = 99;
    expect(v).toEqual(Buffer.from([1, 2, 3, 4]));
  });
});

describe('arrays', () => {
  const encInt = (w: XdrWriter, v: number) => w.int(v);
  const decInt = (r: XdrReader) => r.int();

  it('variable arrays carry their length', () => {
    const bytes = written((w) => encArray(w, [5, -6, 7], 10, encInt));
    expect(bytes).toEqual(cat(be32(3), be32(5), be32(-6), be32(7)));
    expect(read(bytes, (r) => decArray(r, 10, decInt))).toEqual([5, -6, 7]);
    expect(read(be32(0), (r) => decArray(r, 10, decInt))).toEqual([]);
  });
  it('variable arrays of strings', () => {
    const bytes = written((w) => encArray(w, ['a', 'bcdef'], 2, (w, s) => w.string(s, 10)));
    expect(bytes).toEqual(cat(be32(2), str('a'), str('bcdef')));
    expect(read(bytes, (r) => decArray(r, 2, (r) => r.string(10)))).toEqual(['a', 'bcdef']);
  });
  it('enforces the maximum both ways', () => {
    expect(() => written((w) => encArray(w, [1, 2, 3], 2, encInt))).toThrow(XdrError);
    expect(() => new XdrReader(cat(be32(3), be32(1), be32(2), be32(3))).arrayLength(2)).toThrow(/limit/);
  });
  it('refuses a huge length before allocating for it', () => {
    const r = new XdrReader(cat(be32(0x7fffffff), be32(1)));
    expect(() => decArray(r, 0xffffffff, decInt)).toThrow(/bytes left/);
  });
  it('fixed arrays have no length word and need exactly n elements', () => {
    const bytes = written((w) => encFixedArray(w, [1, 2, 3], 3, encInt));
    expect(bytes).toEqual(cat(be32(1), be32(2), be32(3)));
    expect(read(bytes, (r) => decFixedArray(r, 3, decInt))).toEqual([1, 2, 3]);
    expect(() => written((w) => encFixedArray(w, [1, 2], 3, encInt))).toThrow(XdrError);
    expect(() => decFixedArray(new XdrReader(be32(1)), 3, decInt)).toThrow(XdrError);
  });
});

describe('optional data', () => {
  const encStr = (w: XdrWriter, v: string) => w.string(v, 100);
  const decStr = (r: XdrReader) => r.string(100);

  it('absent is a single false', () => {
    expect(written((w) => encOptional(w, null, encStr))).toEqual(opt(null));
    expect(written((w) => encOptional(w, undefined, encStr))).toEqual(opt(null));
    expect(read(opt(null), (r) => decOptional(r, decStr))).toBeNull();
  });
  it('present is true then the value', () => {
    const bytes = written((w) => encOptional(w, 'hi', encStr));
    expect(bytes).toEqual(cat(be32(1), str('hi')));
    expect(read(bytes, (r) => decOptional(r, decStr))).toBe('hi');
  });
  it('keeps falsy values that are present', () => {
    expect(
      read(
        written((w) => encOptional(w, '', encStr)),
        (r) => decOptional(r, decStr),
      ),
    ).toBe('');
    expect(
      read(
        written((w) => encOptional(w, 0, (w, v) => w.int(v))),
        (r) => decOptional(r, (r) => r.int()),
      ),
    ).toBe(0);
  });
  it('rejects a presence flag of 2', () => {
    expect(() => decOptional(new XdrReader(cat(be32(2), str('x'))), decStr)).toThrow(XdrError);
  });
});

describe('reader bookkeeping', () => {
  it('assertDone reports trailing bytes', () => {
    const r = new XdrReader(cat(be32(1), be32(2)));
    r.int();
    expect(() => r.assertDone()).toThrow(/trailing/);
    r.int();
    expect(() => r.assertDone()).not.toThrow();
  });
  it('honours offset and end', () => {
    const r = new XdrReader(cat(be32(9), be32(8), be32(7)), 4, 8);
    expect(r.remaining).toBe(4);
    expect(r.int()).toBe(8);
    expect(() => r.int()).toThrow(XdrError);
  });
  it('patchUint overwrites in place', () => {
    const w = new XdrWriter();
    w.uint(0);
    w.int(5);
    w.patchUint(0, w.length);
    expect(w.toBuffer()).toEqual(cat(be32(8), be32(5)));
  });
});
