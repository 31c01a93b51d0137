import { describe, expect, it } from 'vitest';
import { macProblem, normalizeMac, randomMac } from './mac';

describe('MAC addresses', () => {
  it('accepts unicast addresses in any case or with dashes', () => {
    expect(macProblem('52:54:00:AB:cd:01')).toBeNull();
    expect(macProblem('52-54-00-ab-cd-01')).toBeNull();
    expect(normalizeMac(' 52-54-00-AB-CD-01 ')).toBe('52:54:00:ab:cd:01');
  });

  it('refuses malformed, multicast, zero and libvirt-reserved addresses', () => {
    expect(macProblem('52:54:00:ab:cd')).toMatch(/not a MAC/);
    expect(macProblem('52:54:00:ab:cd:0g')).toMatch(/not a MAC/);
    expect(macProblem('01:00:5e:00:00:01')).toMatch(/multicast/);
    expect(macProblem('ff:ff:ff:ff:ff:ff')).toMatch(/multicast/);
    expect(macProblem('00:00:00:00:00:00')).toMatch(/all-zero/);
    expect(macProblem('fe:54:00:00:00:01')).toMatch(/reserved/);
  });

  it('generates QEMU-prefixed addresses avoiding those taken', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const mac = randomMac(taken);
      expect(mac).toMatch(/^52:54:00(:[0-9a-f]{2}){3}$/);
      expect(macProblem(mac)).toBeNull();
      expect(taken.has(mac)).toBe(false);
      taken.add(mac);
    }
    expect(() => randomMac({ has: () => true })).toThrow(/free MAC/);
  });
});
