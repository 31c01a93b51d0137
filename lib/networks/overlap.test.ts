import { describe, expect, it } from 'vitest';
import { parseSubnet } from './cidr';
import { describeOverlap, findOverlap, interfaceSubnets, parseProcIpv6Route, parseProcRoute } from './overlap';

// Captured from this kind of host: default route via eth0, eth0's LAN, libvirt's default network.
const ROUTE = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
virbr0\t007AA8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
tun0\t0000000A\t00000000\t0001\t0\t0\t0\t000000FF\t0\t0\t0
`;
// /proc/net/ipv6_route: destination, prefix length, source and its length, next hop, metric, refcount, use, flags, device.
const ZERO6 = '0'.repeat(32);
const route6 = (dest: string, len: string, hop: string, metric: string, flags: string) =>
  `${dest} ${len} ${ZERO6} 00 ${hop} ${metric} 00000001 00000000 ${flags}     eth0\n`;
const ROUTE6 = [
  route6('fd000000000000000000000000000000', '40', ZERO6, '00000100', '00000001'),
  route6('fe800000000000000000000000000000', '40', ZERO6, '00000100', '00000001'),
  route6(ZERO6, '00', 'fd000000000000000000000000000001', '00000400', '00000003'),
].join('');

describe('overlap with the host', () => {
  it('reads IPv4 routes (little-endian hex) without the default route', () => {
    expect(parseProcRoute(ROUTE).map((t) => `${t.subnet.network}/${t.subnet.prefix} ${t.source}`)).toEqual([
      '192.0.2.0/24 a host route via eth0',
      '192.168.122.0/24 a host route via virbr0',
      '10.0.0.0/8 a host route via tun0',
    ]);
  });

  it('reads IPv6 routes without link-local and default', () => {
    expect(parseProcIpv6Route(ROUTE6).map((t) => `${t.subnet.network}/${t.subnet.prefix}`)).toEqual(['fd00::/64']);
  });

  it('reads interface addresses, skipping loopback and link-local', () => {
    const taken = interfaceSubnets({
      lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
      eth0: [
        { address: '192.0.2.2', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: '192.0.2.2/24' },
        { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '02:00:00:00:00:01', internal: false, cidr: 'fe80::1/64', scopeid: 2 },
      ],
    });
    expect(taken.map((t) => `${t.subnet.network}/${t.subnet.prefix} ${t.source}`)).toEqual(['192.0.2.0/24 host interface eth0']);
  });

  it('finds the first colliding subnet and says where it comes from', () => {
    const taken = parseProcRoute(ROUTE);
    const mine = parseSubnet('10.251.7.1/24')!;
    const hit = findOverlap(mine, taken)!;
    expect(describeOverlap(mine, hit)).toBe('10.251.7.0/24 overlaps 10.0.0.0/8 used by a host route via tun0. Choose another subnet.');
    expect(findOverlap(parseSubnet('172.31.0.1/16')!, taken)).toBeNull();
  });
});
