import { z } from 'zod';
import { compareAddresses, contains, isAddress, isReserved, parseSubnet, type Family, type Subnet } from './cidr';
import { NETWORK_MODES, type DhcpHost, type IpBlock, type NetworkModel } from './model';

// The create form's input: shape checked by zod, meaning (subnets, ranges, hosts) checked here without libvirt.
// Errors are keyed by field path ("ipv4.dhcpEnd") so the form can put each one next to its input.

// Patterns rather than refine callbacks, so the API document states them. No look-ahead and no flags: JSON Schema
// patterns carry neither portably. Lengths are the max() beside each use.
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/;
const IFNAME = '[A-Za-z0-9][A-Za-z0-9._-]{0,14}';
const HOSTNAME = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*';
const MAC = '(?:[0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}';
const exactly = (p: string) => new RegExp(`^${p}$`);
const orEmpty = (p: string) => new RegExp(`^(?:${p})?$`);

/** A trimmed string up to `max` characters, '' when absent; matching `pattern` when given. */
const trimmed = (max: number, pattern?: RegExp, message?: string) => {
  const s = z.string().trim().max(max);
  return (pattern ? s.regex(pattern, message) : s).default('');
};

export const dhcpHostSchema = z.object({
  mac: trimmed(17, orEmpty(MAC), 'A MAC address looks like 52:54:00:12:34:56.'),
  ip: trimmed(64),
  name: trimmed(63, orEmpty(HOSTNAME), 'A host name may use letters, digits and hyphens.'),
});

const NEED_HOSTNAME = 'Give a host name such as web1 or web1.lab.test.';

export const dnsHostSchema = z.object({
  ip: trimmed(64),
  // No default: a missing host name is refused with the same words as a bad one.
  hostname: z.string({ error: NEED_HOSTNAME }).trim().max(253).regex(exactly(HOSTNAME), NEED_HOSTNAME),
});

const ipSchema = z.object({
  cidr: trimmed(64),
  dhcpStart: trimmed(64),
  dhcpEnd: trimmed(64),
  hosts: z.array(dhcpHostSchema).max(256).default([]),
});

export const networkInputSchema = z.object({
  name: z.string().trim().regex(NAME, 'Use 1–50 letters, digits, dots, dashes or underscores, starting with a letter or digit.'),
  mode: z.enum(NETWORK_MODES, { message: `Mode must be one of ${NETWORK_MODES.join(', ')}.` }),
  bridge: trimmed(15, orEmpty(IFNAME), 'A bridge name has at most 15 letters, digits, dots or dashes.'),
  forwardDev: trimmed(15, orEmpty(IFNAME), 'An interface name has at most 15 letters, digits, dots or dashes.'),
  domain: trimmed(253, orEmpty(HOSTNAME), 'A domain name looks like lab.test.'),
  mtu: z.number().int().min(68, 'MTU is at least 68.').max(65535, 'MTU is at most 65535.').nullable().default(null),
  ipv4: ipSchema.nullable().default(null),
  ipv6: ipSchema.nullable().default(null),
  dnsHosts: z.array(dnsHostSchema).max(256).default([]),
  start: z.boolean().default(true),
  autostart: z.boolean().default(false),
});

export type NetworkInput = z.infer<typeof networkInputSchema>;
export type NetworkInputDraft = z.input<typeof networkInputSchema>;
export type FieldErrors = Record<string, string>;

export type Checked = { ok: true; model: NetworkModel; subnets: { field: string; subnet: Subnet }[] } | { ok: false; fields: FieldErrors };

function checkIp(family: Family, input: z.infer<typeof ipSchema>, key: string, fields: FieldErrors): IpBlock | null {
  const subnet = parseSubnet(input.cidr);
  const example = family === 'ipv4' ? '10.251.7.1/24' : 'fd00:251:7::1/64';
  if (!subnet || subnet.family !== family) {
    fields[`${key}.cidr`] = `Not a valid ${family === 'ipv4' ? 'IPv4' : 'IPv6'} subnet: write the bridge address with its prefix, e.g. ${example}.`;
    return null;
  }
  const maxPrefix = family === 'ipv4' ? 30 : 126;
  if (subnet.prefix < 8 || subnet.prefix > maxPrefix) {
    fields[`${key}.cidr`] = `The prefix must be between /8 and /${maxPrefix}.`;
    return null;
  }
  if (isReserved(subnet, subnet.address)) {
    fields[`${key}.cidr`] = `${subnet.address} is the subnet's network or broadcast address; give the host's address on it, e.g. ${example}.`;
    return null;
  }
  const inside = (addr: string, field: string, what: string): boolean => {
    if (!isAddress(addr, family)) fields[field] = `${what} is not a valid ${family === 'ipv4' ? 'IPv4' : 'IPv6'} address.`;
    else if (!contains(subnet, addr)) fields[field] = `${what} ${addr} is outside the subnet ${subnet.network}/${subnet.prefix}.`;
    else if (isReserved(subnet, addr)) fields[field] = `${what} ${addr} is the subnet's network or broadcast address.`;
    else if (compareAddresses(addr, subnet.address) === 0) fields[field] = `${what} ${addr} is the bridge's own address.`;
    else return true;
    return false;
  };
  const ranges = [];
  if (input.dhcpStart || input.dhcpEnd) {
    const okStart = inside(input.dhcpStart, `${key}.dhcpStart`, 'The DHCP range start');
    const okEnd = inside(input.dhcpEnd, `${key}.dhcpEnd`, 'The DHCP range end');
    if (okStart && okEnd && compareAddresses(input.dhcpStart, input.dhcpEnd) > 0) fields[`${key}.dhcpEnd`] = 'The DHCP range ends before it starts.';
    else if (okStart && okEnd) ranges.push({ start: input.dhcpStart, end: input.dhcpEnd });
  }
  const hosts: DhcpHost[] = [];
  input.hosts.forEach((h, i) => {
    const f = `${key}.hosts.${i}`;
    if (family === 'ipv4' && !h.mac) fields[`${f}.mac`] = 'An IPv4 static host needs its MAC address.';
    if (!h.mac && !h.name) fields[`${f}.name`] = 'Give a MAC address or a host name.';
    if (inside(h.ip, `${f}.ip`, 'The static address')) hosts.push({ mac: h.mac ? h.mac.toLowerCase() : null, ip: h.ip, name: h.name || null });
  });
  return { family, address: subnet.address, prefix: subnet.prefix, ranges, hosts };
}

function checkDuplicates(hosts: DhcpHost[], key: string, fields: FieldErrors): void {
  const seen = new Map<string, number>();
  hosts.forEach((h, i) => {
    for (const [what, v] of [
      ['MAC address', h.mac],
      ['address', h.ip],
    ] as const) {
      if (!v) continue;
      const k = `${what}:${v.toLowerCase()}`;
      if (seen.has(k)) fields[`${key}.hosts.${i}.${what === 'MAC address' ? 'mac' : 'ip'}`] = `This ${what} is already given to another static host.`;
      else seen.set(k, i);
    }
  });
}

/** Turns shape-checked form input into the network model, or errors per field. Touches nothing. */
export function checkNetworkInput(input: NetworkInput): Checked {
  const fields: FieldErrors = {};
  const routed = input.mode === 'bridge' || input.mode === 'macvtap';
  if (input.mode === 'bridge' && !input.bridge) fields.bridge = 'Choose the host bridge to connect guests to.';
  if (input.mode === 'macvtap' && !input.forwardDev) fields.forwardDev = 'Choose the host interface guests share through macvtap.';
  if (routed && (input.ipv4 || input.ipv6 || input.dnsHosts.length || input.domain)) {
    fields.mode = 'A bridged or macvtap network takes its addresses from the outside network: leave subnets, DHCP and DNS empty.';
  }
  const ips: IpBlock[] = [];
  const subnets: { field: string; subnet: Subnet }[] = [];
  for (const [family, v] of [
    ['ipv4', input.ipv4],
    ['ipv6', input.ipv6],
  ] as const) {
    if (!v || routed) continue;
    const block = checkIp(family, v, family, fields);
    if (!block) continue;
    checkDuplicates(block.hosts, family, fields);
    ips.push(block);
    subnets.push({ field: `${family}.cidr`, subnet: parseSubnet(`${block.address}/${block.prefix}`)! });
  }
  input.dnsHosts.forEach((h, i) => {
    if (!isAddress(h.ip)) fields[`dnsHosts.${i}.ip`] = 'Not a valid IP address.';
  });
  if (Object.keys(fields).length) return { ok: false, fields };
  const dnsHosts = new Map<string, string[]>();
  for (const h of input.dnsHosts) dnsHosts.set(h.ip, [...(dnsHosts.get(h.ip) ?? []), h.hostname]);
  return {
    ok: true,
    subnets,
    model: {
      name: input.name,
      uuid: null,
      mode: input.mode,
      bridge: input.bridge || null,
      forwardDev: input.forwardDev || null,
      domain: input.domain || null,
      mtu: input.mtu,
      ips,
      dnsHosts: [...dnsHosts].map(([ip, hostnames]) => ({ ip, hostnames })),
    },
  };
}
