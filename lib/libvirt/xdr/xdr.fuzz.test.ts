import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParams, FUZZ_RUNS } from '@/test/support/fuzz';
import { XdrError, XdrReader, XdrWriter } from '.';

// Fuzzing the XDR reader with what a hostile or broken libvirtd could send: any bytes, any sequence of reads.
// It may only ever fail with XdrError, never read past its end, and never hand out more than the input holds.
// FUZZ_RUNS (2,000) cases per property.

type Op =
  | { op: 'int' | 'uint' | 'hyper' | 'uhyper' | 'bool' | 'float' | 'double' }
  | { op: 'string' | 'opaque' | 'arrayLength'; max: number }
  | { op: 'fixedOpaque'; size: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constantFrom('int', 'uint', 'hyper', 'uhyper', 'bool', 'float', 'double').map((o) => ({ op: o })),
  fc.record({
    op: fc.constantFrom('string', 'opaque', 'arrayLength'),
    max: fc.oneof(fc.nat(64), fc.constant(4194304), fc.constant(0xffffffff)),
  }) as fc.Arbitrary<Op>,
  fc.record({ op: fc.constant('fixedOpaque'), size: fc.oneof(fc.nat(40), fc.constant(0x7fffffff)) }) as fc.Arbitrary<Op>,
);

/** Bytes that look like XDR (small length words, 0/1 bools) as often as they are noise, so reads get far. */
const xdrish = fc.oneof(
  fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.from(b)),
  fc
    .tuple(fc.array(fc.oneof(fc.nat(8), fc.nat(70), fc.constant(0xffffffff), fc.constant(0x80000000), fc.nat()), { maxLength: 64 }), fc.nat(3))
    .map(([words, cut]) => {
      const b = Buffer.alloc(words.length * 4);
      words.forEach((w, i) => b.writeUInt32BE(w >>> 0, i * 4));
      return b.subarray(0, Math.max(0, b.length - cut));
    }),
);

function apply(r: XdrReader, o: Op): unknown {
  switch (o.op) {
    case 'string':
      return r.string(o.max);
    case 'opaque':
      return r.opaque(o.max);
    case 'arrayLength':
      return r.arrayLength(o.max);
    case 'fixedOpaque':
      return r.fixedOpaque(o.size);
    default:
      return r[o.op]();
  }
}

describe('XdrReader under fuzzing', () => {
  it(`fails only with XdrError, stays within its bytes and hands out no more than it holds (${FUZZ_RUNS} cases)`, () => {
    fc.assert(
      fc.property(xdrish, fc.array(op, { maxLength: 24 }), (bytes, ops) => {
        const r = new XdrReader(bytes);
        for (const o of ops) {
          const before = r.offset;
          let v: unknown;
          try {
            v = apply(r, o);
          } catch (err) {
            expect(err).toBeInstanceOf(XdrError);
            expect(r.offset).toBeLessThanOrEqual(bytes.length);
            return;
          }
          expect(r.offset).toBeGreaterThanOrEqual(before + (o.op === 'fixedOpaque' ? 0 : 4));
          expect(r.offset).toBeLessThanOrEqual(bytes.length);
          if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(r.offset - before - 4);
          if (Buffer.isBuffer(v)) expect(v.length).toBeLessThanOrEqual(r.offset - before);
          if (o.op === 'arrayLength') expect((v as number) * 4).toBeLessThanOrEqual(r.remaining);
        }
      }),
      fuzzParams(),
    );
  }, 120_000);

  it(`reads back exactly what the writer wrote (${FUZZ_RUNS} cases)`, () => {
    const value = fc.oneof(
      fc.record({ t: fc.constant('int' as const), v: fc.integer({ min: -0x80000000, max: 0x7fffffff }) }),
      fc.record({ t: fc.constant('uint' as const), v: fc.nat({ max: 0xffffffff }) }),
      fc.record({ t: fc.constant('hyper' as const), v: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }) }),
      fc.record({ t: fc.constant('bool' as const), v: fc.boolean() }),
      fc.record({ t: fc.constant('double' as const), v: fc.double({ noNaN: true }) }),
      fc.record({ t: fc.constant('string' as const), v: fc.string({ unit: 'grapheme', maxLength: 40 }) }),
      fc.record({ t: fc.constant('opaque' as const), v: fc.uint8Array({ maxLength: 40 }) }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 20 }), (values) => {
        const w = new XdrWriter(4);
        for (const x of values) {
          if (x.t === 'string') w.string(x.v, 1000);
          else if (x.t === 'opaque') w.opaque(x.v, 1000);
          else (w[x.t] as (v: unknown) => void)(x.v);
        }
        const bytes = w.toBuffer();
        expect(bytes.length % 4).toBe(0);
        const r = new XdrReader(bytes);
        for (const x of values) {
          const got = x.t === 'string' ? r.string(1000) : x.t === 'opaque' ? r.opaque(1000) : r[x.t]();
          if (x.t === 'opaque') expect(Buffer.from(x.v).equals(got as Buffer)).toBe(true);
          else expect(got).toEqual(x.v);
        }
        r.assertDone();
      }),
      fuzzParams(),
    );
  }, 120_000);
});
