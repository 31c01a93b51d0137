import ipaddr from 'ipaddr.js';

// Subnet arithmetic for the network form and the overlap check, on top of ipaddr.js.

export type Family = 'ipv4' | 'ipv6';

export interface Subnet {
  family: Family;
  /** The address as typed (the host's own address on the bridge, for libvirt networks). */
  address: string;
  prefix: number;
  /** Network address, e.g. 10.1.2.0 for 10.1.2.1/24. */
  network: string;
}

const MAX_PREFIX: Record<Family, number> = { ipv4: 32, ipv6: 128 };

export function familyOf(addr: ipaddr.IPv4 | ipaddr.IPv6): Family {
  return addr.kind() === 'ipv6' ? 'ipv6' : 'ipv4';
}

/** Plain dotted-quad IPv4 or IPv6 only: ipaddr.js also takes "10.1" or hex forms, which libvirt would not. */
function parseStrict(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const t = text.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(t)) return ipaddr.IPv4.parse(t);
  if (t.includes(':') && ipaddr.IPv6.isValid(t)) return ipaddr.IPv6.parse(t);
  return null;
}

/** Parses "address/prefix"; null when it is not one. IPv4-mapped IPv6 is not unwrapped: libvirt wants plain forms. */
export function parseSubnet(text: string): Subnet | null {
  const m = /^([^/\s]+)\/(\d{1,3})$/.exec(text.trim());
  const addr = m ? parseStrict(m[1]!) : null;
  if (!m || !addr) return null;
  const family = familyOf(addr);
  const prefix = Number(m[2]);
  if (prefix > MAX_PREFIX[family]) return null;
  const network =
    family === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(`${m[1]}/${prefix}`).toString() : ipaddr.IPv6.networkAddressFromCIDR(`${m[1]}/${prefix}`).toString();
  return { family, address: addr.toString(), prefix, network };
}

export function subnetOf(address: string, prefix: number): Subnet | null {
  return parseSubnet(`${address}/${prefix}`);
}

export function isAddress(text: string, family?: Family): boolean {
  const addr = parseStrict(text);
  return addr !== null && (!family || familyOf(addr) === family);
}

export function contains(subnet: Subnet, address: string): boolean {
  if (!isAddress(address, subnet.family)) return false;
  const addr = ipaddr.parse(address.trim());
  return addr.match(ipaddr.parse(subnet.network), subnet.prefix);
}

/** Two subnets overlap exactly when the wider one contains the narrower one's network address. */
export function overlaps(a: Subnet, b: Subnet): boolean {
  if (a.family !== b.family) return false;
  const [wide, narrow] = a.prefix <= b.prefix ? [a, b] : [b, a];
  return contains(wide, narrow.network);
}

function toBigInt(address: string): bigint {
  return ipaddr
    .parse(address.trim())
    .toByteArray()
    .reduce((n, byte) => (n << 8n) | BigInt(byte), 0n);
}

export function compareAddresses(a: string, b: string): number {
  const d = toBigInt(a) - toBigInt(b);
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}

/** The network and (IPv4) broadcast address: neither may be a host, a range end or the bridge address. */
export function isReserved(subnet: Subnet, address: string): boolean {
  if (compareAddresses(address, subnet.network) === 0) return subnet.family === 'ipv4' && subnet.prefix < 31;
  if (subnet.family !== 'ipv4' || subnet.prefix >= 31) return false;
  const broadcast = ipaddr.IPv4.broadcastAddressFromCIDR(`${subnet.network}/${subnet.prefix}`).toString();
  return compareAddresses(address, broadcast) === 0;
}

export function formatSubnet(s: Subnet): string {
  return `${s.network}/${s.prefix}`;
}
