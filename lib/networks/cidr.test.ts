import { describe, expect, it } from 'vitest';
import { compareAddresses, contains, isReserved, overlaps, parseSubnet } from './cidr';

describe('cidr', () => {
  it('parses address/prefix and finds the network address', () => {
    expect(parseSubnet('10.251.7.1/24')).toEqual({ family: 'ipv4', address: '10.251.7.1', prefix: 24, network: '10.251.7.0' });
    expect(parseSubnet('fd00:251:7::1/64')).toMatchObject({ family: 'ipv6', prefix: 64, network: 'fd00:251:7::' });
    for (const bad of ['10.251.7.1', '10.251.7.1/33', '10.251.7/24', '300.1.1.1/24', 'fd00::1/129', 'x/8', '10.0.0.1/ 8']) expect(parseSubnet(bad)).toBeNull();
  });

  it('tells containment and overlap in both directions, never across families', () => {
    const a = parseSubnet('10.0.0.1/8')!;
    const b = parseSubnet('10.251.7.1/24')!;
    const c = parseSubnet('10.252.0.1/24')!;
    expect(overlaps(a, b)).toBe(true);
    expect(overlaps(b, a)).toBe(true);
    expect(overlaps(b, c)).toBe(false);
    expect(overlaps(b, parseSubnet('fd00::1/8')!)).toBe(false);
    expect(contains(b, '10.251.7.200')).toBe(true);
    expect(contains(b, '10.251.8.1')).toBe(false);
    expect(contains(b, 'fd00::1')).toBe(false);
  });

  it('orders addresses numerically and knows network and broadcast', () => {
    expect(compareAddresses('10.0.0.9', '10.0.0.10')).toBe(-1);
    expect(compareAddresses('fd00::a', 'fd00::9')).toBe(1);
    const s = parseSubnet('10.251.7.1/24')!;
    expect(isReserved(s, '10.251.7.0')).toBe(true);
    expect(isReserved(s, '10.251.7.255')).toBe(true);
    expect(isReserved(s, '10.251.7.254')).toBe(false);
  });
});
