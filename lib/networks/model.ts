import ipaddr from 'ipaddr.js';
import { DOMImplementation, type Document, type Element } from '@xmldom/xmldom';
import { attr, child, children, parseXml, serializeXml, text } from '@/lib/xml/parse';

// The parts of a libvirt <network> definition Vireo builds and shows. One model both reads and writes, so a
// network created by the form reads back as the same model (tested as a round trip).

/** 'isolated' is libvirt's "no <forward>"; 'macvtap' is <forward mode='bridge'> over a host NIC (no bridge). */
export const NETWORK_MODES = ['nat', 'route', 'open', 'isolated', 'bridge', 'macvtap'] as const;
export type NetworkMode = (typeof NETWORK_MODES)[number];

export interface DhcpHost {
  mac: string | null;
  ip: string;
  name: string | null;
}

export interface DhcpRange {
  start: string;
  end: string;
}

export interface IpBlock {
  family: 'ipv4' | 'ipv6';
  address: string;
  prefix: number;
  ranges: DhcpRange[];
  hosts: DhcpHost[];
}

export interface DnsHost {
  ip: string;
  hostnames: string[];
}

export interface NetworkModel {
  name: string;
  uuid: string | null;
  mode: NetworkMode;
  /** libvirt's own bridge (virbrN) for nat/route/open/isolated; the host bridge for 'bridge' mode. */
  bridge: string | null;
  /** Host NIC: the macvtap parent, or the only uplink a nat/route network may use. */
  forwardDev: string | null;
  domain: string | null;
  mtu: number | null;
  ips: IpBlock[];
  dnsHosts: DnsHost[];
}

const MACVTAP_MODES = new Set(['bridge', 'private', 'vepa', 'passthrough']);

function prefixOf(ip: Element): number {
  const prefix = attr(ip, 'prefix');
  if (prefix !== null) return Number(prefix);
  const mask = attr(ip, 'netmask');
  if (!mask) return attr(ip, 'family') === 'ipv6' ? 64 : 24;
  return ipaddr.IPv4.isValid(mask) ? (ipaddr.IPv4.parse(mask).prefixLengthFromSubnetMask() ?? 0) : 0;
}

function readIp(ip: Element): IpBlock {
  const dhcp = child(ip, 'dhcp');
  const family = attr(ip, 'family') === 'ipv6' || (attr(ip, 'address') ?? '').includes(':') ? 'ipv6' : 'ipv4';
  return {
    family,
    address: attr(ip, 'address') ?? '',
    prefix: prefixOf(ip),
    ranges: children(dhcp, 'range').map((r) => ({ start: attr(r, 'start') ?? '', end: attr(r, 'end') ?? '' })),
    hosts: children(dhcp, 'host').map((h) => ({ mac: attr(h, 'mac'), ip: attr(h, 'ip') ?? '', name: attr(h, 'name') })),
  };
}

function modeOf(root: Element): NetworkMode {
  const forward = child(root, 'forward');
  if (!forward) return 'isolated';
  const mode = attr(forward, 'mode') ?? 'nat';
  if (mode === 'nat' || mode === 'route' || mode === 'open') return mode;
  if (MACVTAP_MODES.has(mode) && !attr(child(root, 'bridge'), 'name')) return 'macvtap';
  return 'bridge';
}

export function readNetworkXml(xml: string): NetworkModel {
  const root = parseXml(xml).documentElement!;
  const forward = child(root, 'forward');
  const mtu = attr(child(root, 'mtu'), 'size');
  return {
    name: text(child(root, 'name')) ?? '',
    uuid: text(child(root, 'uuid')),
    mode: modeOf(root),
    bridge: attr(child(root, 'bridge'), 'name'),
    forwardDev: attr(forward, 'dev') ?? attr(child(forward, 'interface'), 'dev'),
    domain: attr(child(root, 'domain'), 'name'),
    mtu: mtu === null ? null : Number(mtu),
    ips: children(root, 'ip').map(readIp),
    dnsHosts: children(child(root, 'dns'), 'host').map((h) => ({
      ip: attr(h, 'ip') ?? '',
      hostnames: children(h, 'hostname')
        .map((n) => text(n) ?? '')
        .filter(Boolean),
    })),
  };
}

type Attrs = Record<string, string | number | null | undefined>;

function add(doc: Document, parent: Element, name: string, attrs: Attrs = {}, content?: string): Element {
  const el = doc.createElement(name);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  if (content !== undefined) el.appendChild(doc.createTextNode(content));
  parent.appendChild(el);
  return el;
}

function newDocument(rootName: string): { doc: Document; root: Element } {
  const doc = new DOMImplementation().createDocument(null, rootName, null);
  return { doc, root: doc.documentElement! };
}

export function dhcpHostXml(h: DhcpHost): string {
  const { root } = newDocument('host');
  for (const [k, v] of [
    ['mac', h.mac],
    ['name', h.name],
    ['ip', h.ip],
  ] as const)
    if (v) root.setAttribute(k, v);
  return serializeXml(root);
}

export function dnsHostXml(h: DnsHost): string {
  const { doc, root } = newDocument('host');
  root.setAttribute('ip', h.ip);
  for (const n of h.hostnames) add(doc, root, 'hostname', {}, n);
  return serializeXml(root);
}

function addIp(doc: Document, root: Element, ip: IpBlock): void {
  const el = add(doc, root, 'ip', { family: ip.family === 'ipv6' ? 'ipv6' : null, address: ip.address, prefix: ip.prefix });
  if (!ip.ranges.length && !ip.hosts.length) return;
  const dhcp = add(doc, el, 'dhcp');
  for (const r of ip.ranges) add(doc, dhcp, 'range', { start: r.start, end: r.end });
  for (const h of ip.hosts) add(doc, dhcp, 'host', { mac: h.mac, name: h.name, ip: h.ip });
}

function addForward(doc: Document, root: Element, m: NetworkModel): void {
  if (m.mode === 'isolated') return;
  if (m.mode === 'macvtap') {
    const fwd = add(doc, root, 'forward', { mode: 'bridge' });
    add(doc, fwd, 'interface', { dev: m.forwardDev });
    return;
  }
  add(doc, root, 'forward', { mode: m.mode, dev: m.mode === 'bridge' ? null : m.forwardDev });
}

/** Builds the definition libvirt is given, in a fixed element order so output is stable. */
export function buildNetworkXml(m: NetworkModel): string {
  const { doc, root } = newDocument('network');
  add(doc, root, 'name', {}, m.name);
  if (m.uuid) add(doc, root, 'uuid', {}, m.uuid);
  addForward(doc, root, m);
  if (m.mode === 'bridge') add(doc, root, 'bridge', { name: m.bridge });
  // A libvirt-made bridge: STP on with no forwarding delay, so guests get DHCP right after boot.
  else if (m.mode !== 'macvtap') add(doc, root, 'bridge', { name: m.bridge, stp: 'on', delay: 0 });
  if (m.mtu !== null && m.mode !== 'macvtap') add(doc, root, 'mtu', { size: m.mtu });
  if (m.domain) add(doc, root, 'domain', { name: m.domain, localOnly: 'yes' });
  if (m.dnsHosts.length) {
    const dns = add(doc, root, 'dns');
    for (const h of m.dnsHosts) {
      const host = add(doc, dns, 'host', { ip: h.ip });
      for (const n of h.hostnames) add(doc, host, 'hostname', {}, n);
    }
  }
  for (const ip of m.ips) addIp(doc, root, ip);
  return serializeXml(doc);
}
