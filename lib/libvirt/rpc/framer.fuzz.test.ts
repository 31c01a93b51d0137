import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParams, FUZZ_RUNS } from '@/test/support/fuzz';
import { ProtocolError } from '../errors';
import { cat, packet } from '../test-support/bytes';
import { PacketFramer } from './framer';
import { LEN_SIZE, MESSAGE_MAX } from './packet';

// The framer fed what a remote libvirtd could send, cut anywhere: whole packets come back exactly, a bad length
// word is a ProtocolError before its body is buffered, and what it holds never exceeds one maximal message.
// FUZZ_RUNS (2,000) cases per property.

const hex = (bufs: Buffer[]) => bufs.map((b) => b.toString('hex'));

/** Cuts `all` at the given points (in any order, duplicates allowed). */
function chop(all: Buffer, cuts: number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const c of [...at, all.length]) {
    out.push(all.subarray(from, c));
    from = c;
  }
  return out;
}

const wellFormed = fc
  .array(fc.record({ proc: fc.nat(500), type: fc.nat(6), serial: fc.nat(), status: fc.nat(2), body: fc.uint8Array({ maxLength: 300 }) }), { maxLength: 12 })
  .map((ps) => ps.map((p) => packet(p, p.body)));

describe('PacketFramer under fuzzing', () => {
  it(`gives back exactly the packets sent, however the stream is cut (${FUZZ_RUNS} cases)`, () => {
    fc.assert(
      fc.property(wellFormed, fc.array(fc.nat(), { maxLength: 40 }), (packets, cuts) => {
        const f = new PacketFramer();
        const got = chop(cat(...packets), cuts).flatMap((c) => f.push(c));
        expect(hex(got)).toEqual(hex(packets));
        expect(f.pending).toBe(0);
      }),
      fuzzParams(),
    );
  }, 120_000);

  it(`on any bytes: whole packets matching their length word, or a ProtocolError; bounded holding (${FUZZ_RUNS} cases)`, () => {
    const lengthWord = fc.oneof(fc.nat(40), fc.constantFrom(27, 28, MESSAGE_MAX + LEN_SIZE, MESSAGE_MAX + LEN_SIZE + 1, 0xffffffff), fc.nat());
    const noise = fc.array(
      fc.oneof(
        lengthWord.map((n) => {
          const b = Buffer.alloc(4);
          b.writeUInt32BE(n >>> 0);
          return b;
        }),
        fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(noise, fc.array(fc.nat(), { maxLength: 20 }), (parts, cuts) => {
        const all = cat(...parts);
        const f = new PacketFramer();
        let out = 0;
        for (const chunk of chop(all, cuts)) {
          let packets: Buffer[];
          try {
            packets = f.push(chunk);
          } catch (err) {
            expect(err).toBeInstanceOf(ProtocolError);
            return;
          }
          for (const p of packets) {
            expect(p.readUInt32BE(0)).toBe(p.length);
            expect(p.length).toBeGreaterThanOrEqual(28);
            expect(p.equals(all.subarray(out, out + p.length))).toBe(true);
            out += p.length;
          }
          expect(f.pending).toBeLessThanOrEqual(MESSAGE_MAX + LEN_SIZE);
        }
        expect(out + f.pending).toBe(all.length);
      }),
      fuzzParams(),
    );
  }, 120_000);

  it('refuses a length word over the limit when it arrives, holding only those four bytes', () => {
    const f = new PacketFramer();
    const word = Buffer.alloc(4);
    word.writeUInt32BE(MESSAGE_MAX + LEN_SIZE + 1);
    expect(() => f.push(word)).toThrow(ProtocolError);
    expect(f.pending).toBe(4);
  });
});
