import { describe, expect, it } from 'vitest';
import { formatUuid, fromWireDomain, isUuid, parseUuid, toWireDomain } from './refs';

const BYTES = Buffer.from([0x4d, 0xea, 0x22, 0xb3, 0x1d, 0x52, 0xd8, 0xf3, 0x23, 0x16, 0x78, 0x2e, 0x4a, 0xb3, 0xfc, 0x0b]);
const TEXT = '4dea22b3-1d52-d8f3-2316-782e4ab3fc0b';

describe('UUIDs', () => {
  it('formats 16 bytes as lower-case 8-4-4-4-12', () => {
    expect(formatUuid(BYTES)).toBe(TEXT);
    expect(formatUuid(new Uint8Array(16))).toBe('00000000-0000-0000-0000-000000000000');
  });

  it('parses with or without dashes, in any case', () => {
    expect(parseUuid(TEXT)).toEqual(BYTES);
    expect(parseUuid(TEXT.toUpperCase())).toEqual(BYTES);
    expect(parseUuid(TEXT.replace(/-/g, ''))).toEqual(BYTES);
    expect(parseUuid(TEXT)).toHaveLength(16);
  });

  it('round-trips', () => {
    const b = Buffer.from(Array.from({ length: 16 }, (_, i) => 255 - i * 13));
    expect(parseUuid(formatUuid(b))).toEqual(b);
  });

  it.each(['', 'not-a-uuid', TEXT.slice(1), `${TEXT}0`, TEXT.replace('4', 'g'), ` ${TEXT}`])('rejects %j', (bad) => {
    expect(isUuid(bad)).toBe(false);
    expect(() => parseUuid(bad)).toThrow(TypeError);
  });

  it('converts domain references to and from the wire', () => {
    const wire = { name: 'vm1', uuid: BYTES, id: 7 };
    expect(fromWireDomain(wire)).toEqual({ name: 'vm1', uuid: TEXT, id: 7 });
    expect(toWireDomain(fromWireDomain(wire))).toEqual(wire);
  });
});
