import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors';
import { PacketFramer } from './framer';
import { MESSAGE_MAX } from './packet';
import { STATUS, TYPE, be32, cat, packet, str } from '../test-support/bytes';

const a = packet({ proc: 1, type: TYPE.REPLY, serial: 1 }, str('first packet body'));
const b = packet({ proc: 2, type: TYPE.REPLY, serial: 2 }); // header only
const c = packet({ proc: 3, type: TYPE.STREAM, serial: 3, status: STATUS.CONTINUE }, Buffer.alloc(101, 7));

/** Hex strings: vitest's deep equality walks Buffers byte by byte, which is slow over thousands of cases. */
const hex = (bufs: Buffer[]) => bufs.map((x) => x.toString('hex'));

function feed(framer: PacketFramer, chunks: Buffer[]): string[] {
  return hex(chunks.flatMap((ch) => framer.push(ch)));
}

describe('PacketFramer', () => {
  it('returns a packet given in one chunk, length word included', () => {
    const f = new PacketFramer();
    expect(f.push(a)).toEqual([a]);
    expect(f.pending).toBe(0);
  });

  it('reassembles one packet split at every byte position', () => {
    for (let cut = 1; cut < a.length; cut++) {
      const f = new PacketFramer();
      expect(f.push(a.subarray(0, cut))).toEqual([]);
      expect(f.pending).toBe(cut);
      expect(hex(f.push(a.subarray(cut)))).toEqual(hex([a]));
      expect(f.pending).toBe(0);
    }
  });

  it('splits several packets in one chunk, cut anywhere across them', () => {
    const all = cat(a, b, c);
    for (let cut = 0; cut <= all.length; cut++) {
      const f = new PacketFramer();
      expect(feed(f, [all.subarray(0, cut), all.subarray(cut)])).toEqual(hex([a, b, c]));
      expect(f.pending).toBe(0);
    }
  });

  it('works fed one byte at a time', () => {
    const all = cat(a, b, c);
    const f = new PacketFramer();
    const out: Buffer[] = [];
    for (let i = 0; i < all.length; i++) out.push(...f.push(all.subarray(i, i + 1)));
    expect(hex(out)).toEqual(hex([a, b, c]));
    expect(f.pending).toBe(0);
  });

  it('keeps a truncated packet pending until the rest arrives', () => {
    const f = new PacketFramer();
    expect(f.push(cat(a, c.subarray(0, 40)))).toEqual([a]);
    expect(f.pending).toBe(40);
    expect(f.push(c.subarray(40, 100))).toEqual([]);
    expect(f.pending).toBe(100);
    expect(f.push(c.subarray(100))).toEqual([c]);
  });

  it('returned packets do not change when more bytes arrive', () => {
    const f = new PacketFramer();
    const [got] = f.push(cat(a, b.subarray(0, 3)));
    const copy = Buffer.from(got!);
    f.push(b.subarray(3));
    expect(got).toEqual(copy);
  });

  it.each([0, 4, 27])('rejects a length of %d (shorter than a header) with a ProtocolError', (len) => {
    const f = new PacketFramer();
    expect(() => f.push(cat(be32(len), Buffer.alloc(24)))).toThrow(ProtocolError);
  });

  it('accepts the smallest packet, 28 bytes', () => {
    expect(new PacketFramer().push(b)).toEqual([b]);
    expect(b.length).toBe(28);
  });

  it('rejects a length over the cap from the length word alone, before any body is buffered', () => {
    const f = new PacketFramer();
    expect(() => f.push(be32(MESSAGE_MAX + 5))).toThrow(ProtocolError);
    expect(f.pending).toBeLessThanOrEqual(4);
  });

  it('rejects a length over the cap split across chunks', () => {
    const f = new PacketFramer();
    const len = be32(0xffffffff);
    expect(f.push(len.subarray(0, 2))).toEqual([]);
    expect(() => f.push(len.subarray(2))).toThrow(/exceeds/);
    expect(f.pending).toBeLessThanOrEqual(4);
  });

  it('accepts a length of exactly the cap (waits for it)', () => {
    const f = new PacketFramer();
    expect(f.push(cat(be32(MESSAGE_MAX + 4), Buffer.alloc(24)))).toEqual([]);
    expect(f.pending).toBe(28);
  });

  it('finds a bad packet that follows a good one in the same chunk', () => {
    const f = new PacketFramer();
    expect(() => f.push(cat(a, be32(3)))).toThrow(ProtocolError);
  });
});
