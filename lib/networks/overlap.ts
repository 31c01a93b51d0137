import { readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { formatSubnet, overlaps, parseSubnet, subnetOf, type Subnet } from './cidr';

// Before libvirt is asked: a new network's subnet must not collide with an address or route the host already
// has, nor with another libvirt network (libvirt only notices the latter when both are running).

export interface TakenSubnet {
  subnet: Subnet;
  /** Where it comes from, in words: "host interface eth0", "route via eth0", "network default". */
  source: string;
}

export function findOverlap(subnet: Subnet, taken: TakenSubnet[]): TakenSubnet | null {
  return taken.find((t) => overlaps(subnet, t.subnet)) ?? null;
}

export function describeOverlap(subnet: Subnet, hit: TakenSubnet): string {
  return `${formatSubnet(subnet)} overlaps ${formatSubnet(hit.subnet)} used by ${hit.source}. Choose another subnet.`;
}

export function interfaceSubnets(ifaces = networkInterfaces()): TakenSubnet[] {
  const out: TakenSubnet[] = [];
  for (const [name, addrs] of Object.entries(ifaces)) {
    for (const a of addrs ?? []) {
      if (a.internal || a.address.startsWith('fe80:')) continue;
      const s = a.cidr ? parseSubnet(a.cidr) : null;
      if (s) out.push({ subnet: s, source: `host interface ${name}` });
    }
  }
  return out;
}

/** /proc/net/route lists destinations and masks as little-endian hex; the default route (0/0) is skipped. */
export function parseProcRoute(text: string): TakenSubnet[] {
  const out: TakenSubnet[] = [];
  for (const line of text.split('\n').slice(1)) {
    const [iface, dest, , , , , , mask] = line.trim().split(/\s+/);
    if (!iface || !dest || !mask || mask === '00000000') continue;
    const s = subnetOf(hexLeToIpv4(dest), prefixOfMask(hexLeToIpv4(mask)));
    if (s) out.push({ subnet: s, source: `a host route via ${iface}` });
  }
  return out;
}

/** /proc/net/ipv6_route: destination (32 hex) and prefix length (hex) first; link-local and default skipped. */
export function parseProcIpv6Route(text: string): TakenSubnet[] {
  const out: TakenSubnet[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10 || !/^[0-9a-f]{32}$/i.test(f[0]!)) continue;
    const prefix = parseInt(f[1]!, 16);
    const addr = f[0]!.match(/.{4}/g)!.join(':');
    const iface = f[9]!;
    if (prefix === 0 || iface === 'lo' || addr.toLowerCase().startsWith('fe80') || addr.toLowerCase().startsWith('ff')) continue;
    const s = subnetOf(addr, prefix);
    if (s) out.push({ subnet: s, source: `a host route via ${iface}` });
  }
  return out;
}

function hexLeToIpv4(hex: string): string {
  const n = parseInt(hex, 16);
  return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join('.');
}

function prefixOfMask(mask: string): number {
  return mask.split('.').reduce((bits, octet) => bits + [...Number(octet).toString(2)].filter((b) => b === '1').length, 0);
}

/** Everything the host itself has: interface addresses plus routes (a route to a VPN or lab can hide elsewhere). */
export async function hostSubnets(): Promise<TakenSubnet[]> {
  const read = (p: string) => readFile(p, 'utf8').catch(() => '');
  const [v4, v6] = await Promise.all([read('/proc/net/route'), read('/proc/net/ipv6_route')]);
  return [...interfaceSubnets(), ...parseProcRoute(v4), ...parseProcIpv6Route(v6)];
}
