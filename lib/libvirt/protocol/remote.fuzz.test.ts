import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParams, FUZZ_RUNS } from '@/test/support/fuzz';
import { XdrError, XdrReader } from '../xdr';
import * as remote from './remote.gen';

// Every generated decoder of libvirt's remote protocol (replies, events, errors: what a remote libvirtd sends)
// fed bytes that are truncated, oversized, wrong-typed or noise. Each may only return a value or throw XdrError,
// and what it returns is never bigger than the bytes it was given (no amplification: a 4-byte length word can
// not make us allocate more than the message holds). FUZZ_RUNS (2,000) inputs, each through all the decoders.

const decoders = Object.entries(remote as Record<string, unknown>).filter(
  (e): e is [string, (r: XdrReader) => unknown] => e[0].startsWith('dec') && typeof e[1] === 'function',
);

/**
 * A bound on the memory a decoded value holds, in the bytes its wire form takes at least: 4 per number, bool or
 * absent optional; 4 + length per string or opaque; 4 + (4 + element) per array element (a fixed-size array has
 * no length word, hence the factor of 2 allowed below).
 */
function weight(v: unknown): number {
  if (v === null || v === undefined || typeof v !== 'object') return 4 + (typeof v === 'string' ? v.length : 0);
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return 4 + v.length;
  if (Array.isArray(v)) return v.reduce((n: number, e) => n + 4 + weight(e), 4);
  return Object.values(v).reduce((n: number, e) => n + weight(e), 0);
}

/** Small words (counts, 0/1 flags, union arms) as often as noise, so decoding gets deep before it fails. */
const wire = fc.oneof(
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.array(fc.oneof(fc.constantFrom(0, 1, 1, 2, 3, 4, 7, 16), fc.nat(64), fc.nat(), fc.constantFrom(0xffffffff, 0x80000000, 4194304, 4194305)), {
          maxLength: 160,
        }),
        fc.nat(3),
      )
      .map(([words, cut]) => {
        const b = Buffer.alloc(words.length * 4);
        words.forEach((w, i) => b.writeUInt32BE(w >>> 0, i * 4));
        return b.subarray(0, Math.max(0, b.length - cut));
      }),
  },
);

describe('generated decoders under fuzzing', () => {
  it('covers the whole protocol', () => {
    expect(decoders.length).toBeGreaterThan(600);
  });

  it(`decode or throw XdrError, never more than the input holds (${FUZZ_RUNS} inputs × every decoder)`, () => {
    const started = Date.now();
    let decoded = 0;
    // Most of the 1.4 million decodes fail; without stack traces each failure costs a fifth.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      fc.assert(
        fc.property(wire, (bytes) => {
          for (const [name, dec] of decoders) {
            let value: unknown;
            const r = new XdrReader(bytes);
            try {
              value = dec(r);
            } catch (err) {
              if (!(err instanceof XdrError)) throw new Error(`${name} threw ${(err as Error)?.name}: ${(err as Error)?.message}`, { cause: err });
              continue;
            }
            decoded++;
            const w = weight(value);
            if (w > 2 * r.offset + 8) throw new Error(`${name} returned ${w} bytes' worth from ${r.offset} bytes`);
          }
        }),
        fuzzParams(),
      );
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    // Some inputs must decode for the bound above to mean anything.
    expect(decoded).toBeGreaterThan(FUZZ_RUNS);
    console.log(`remote.gen fuzz: ${decoders.length} decoders, ${decoded} successful decodes in ${Date.now() - started} ms`);
  }, 120_000);
});
