import { describe, expect, it } from 'vitest';
import { child, parseXml } from '@/lib/xml/parse';
import { sizeInBytes } from './size-xml';

const size = (xml: string) => sizeInBytes(child(parseXml(`<v>${xml}</v>`).documentElement, 'capacity'));

describe('sizeInBytes', () => {
  it('reads libvirt units, bytes without one', () => {
    expect(size("<capacity unit='bytes'>512</capacity>")).toBe(512);
    expect(size('<capacity>512</capacity>')).toBe(512);
    expect(size("<capacity unit='G'>10</capacity>")).toBe(10 * 1024 ** 3);
    expect(size("<capacity unit='TiB'>1</capacity>")).toBe(1024 ** 4);
    expect(size("<capacity unit='KB'>3</capacity>")).toBe(3000);
    expect(size("<capacity unit='parsecs'>7</capacity>")).toBe(7);
  });

  it('is null when absent or not a number', () => {
    expect(size('')).toBeNull();
    expect(size('<capacity/>')).toBeNull();
    expect(size('<capacity>lots</capacity>')).toBeNull();
  });
});
