import type { Element } from '@xmldom/xmldom';
import { attr, child, children, parseXml, path, text } from './parse';

// The parts of a libvirt <domain> definition Vireo shows. Read with a real XML parser, never regexes.

export interface DiskSummary {
  device: string;
  type: string;
  target: string | null;
  bus: string | null;
  format: string | null;
  /** File path, block device, or pool/volume, whichever the disk uses. */
  source: string | null;
  pool: string | null;
  volume: string | null;
  readonly: boolean;
}

export interface NicSummary {
  type: string;
  source: string | null;
  mac: string | null;
  model: string | null;
}

export interface DomainSummary {
  name: string;
  uuid: string | null;
  title: string | null;
  description: string | null;
  hypervisor: string | null;
  arch: string | null;
  machine: string | null;
  osType: string | null;
  firmware: string | null;
  directKernel: boolean;
  memoryKiB: number | null;
  currentMemoryKiB: number | null;
  vcpus: number | null;
  cpuMode: string | null;
  nvram: string | null;
  disks: DiskSummary[];
  nics: NicSummary[];
  graphics: string[];
  consoles: string[];
  emulator: string | null;
}

const UNIT_KIB: Record<string, number> = {
  b: 1 / 1024, bytes: 1 / 1024, k: 1, kib: 1, kb: 1000 / 1024, m: 1024, mib: 1024, mb: 1e6 / 1024,
  g: 1024 ** 2, gib: 1024 ** 2, gb: 1e9 / 1024, t: 1024 ** 3, tib: 1024 ** 3, tb: 1e12 / 1024,
};

export function sizeKiB(el: Element | null): number | null {
  const value = Number(text(el));
  if (!el || !Number.isFinite(value)) return null;
  const unit = (attr(el, 'unit') ?? 'KiB').toLowerCase();
  return Math.round(value * (UNIT_KIB[unit] ?? 1));
}

function disk(el: Element): DiskSummary {
  const source = child(el, 'source');
  const type = attr(el, 'type') ?? 'file';
  const pool = attr(source, 'pool');
  const volume = attr(source, 'volume');
  return {
    device: attr(el, 'device') ?? 'disk',
    type,
    target: attr(child(el, 'target'), 'dev'),
    bus: attr(child(el, 'target'), 'bus'),
    format: attr(child(el, 'driver'), 'type'),
    source: attr(source, 'file') ?? attr(source, 'dev') ?? attr(source, 'name') ?? (pool && volume ? `${pool}/${volume}` : null),
    pool,
    volume,
    readonly: child(el, 'readonly') !== null,
  };
}

function nic(el: Element): NicSummary {
  const source = child(el, 'source');
  return {
    type: attr(el, 'type') ?? 'unknown',
    source: attr(source, 'network') ?? attr(source, 'bridge') ?? attr(source, 'dev') ?? null,
    mac: attr(child(el, 'mac'), 'address'),
    model: attr(child(el, 'model'), 'type'),
  };
}

export function summarizeDomainXml(xml: string): DomainSummary {
  const root = parseXml(xml).documentElement!;
  const os = child(root, 'os');
  const osType = child(os, 'type');
  const devices = child(root, 'devices');
  return {
    name: text(child(root, 'name')) ?? '',
    uuid: text(child(root, 'uuid')),
    title: text(child(root, 'title')),
    description: text(child(root, 'description')),
    hypervisor: attr(root, 'type'),
    arch: attr(osType, 'arch'),
    machine: attr(osType, 'machine'),
    osType: text(osType),
    firmware: attr(os, 'firmware') ?? (child(os, 'loader') ? 'custom loader' : null),
    directKernel: child(os, 'kernel') !== null,
    memoryKiB: sizeKiB(child(root, 'memory')),
    currentMemoryKiB: sizeKiB(child(root, 'currentMemory')),
    vcpus: Number(text(child(root, 'vcpu'))) || null,
    cpuMode: attr(child(root, 'cpu'), 'mode'),
    nvram: text(path(root, 'os', 'nvram')) || null,
    disks: children(devices, 'disk').map(disk),
    nics: children(devices, 'interface').map(nic),
    graphics: children(devices, 'graphics').map((g) => attr(g, 'type') ?? 'unknown'),
    consoles: [...children(devices, 'serial'), ...children(devices, 'console')].map((c) => `${c.tagName} (${attr(c, 'type') ?? '?'})`),
    emulator: text(child(devices, 'emulator')),
  };
}

/** Root checks before handing edited XML to libvirt: a <domain> whose name and uuid match the VM being edited. */
export function checkEditedDomainXml(xml: string, expected: { name: string; uuid: string }): string | null {
  const root = parseXml(xml).documentElement!;
  if (root.tagName !== 'domain') return `The root element must be <domain>, not <${root.tagName}>.`;
  const name = text(child(root, 'name'));
  if (name !== expected.name) return `The <name> must stay "${expected.name}" (renaming is not done by editing the XML).`;
  const uuid = text(child(root, 'uuid'));
  if (uuid && uuid.toLowerCase() !== expected.uuid.toLowerCase()) return `The <uuid> must stay ${expected.uuid}.`;
  return null;
}
