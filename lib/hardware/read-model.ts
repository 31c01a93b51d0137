import type { Document, Element } from '@xmldom/xmldom';
import { sizeKiB } from '@/lib/xml/domain-model';
import { attr, child, children, path, text } from '@/lib/xml/parse';

// Reading the hardware parts of one definition (live or persistent). view.ts merges the two.

export interface DiskEl {
  el: Element;
  target: string;
  device: 'disk' | 'cdrom' | 'floppy' | 'lun';
  type: string;
  bus: string | null;
  format: string | null;
  file: string | null;
  dev: string | null;
  pool: string | null;
  volume: string | null;
  network: string | null;
  cache: string | null;
  discard: string | null;
  io: string | null;
  readonly: boolean;
  shareable: boolean;
  bootOrder: number | null;
}

export interface NicEl {
  el: Element;
  mac: string;
  type: string;
  source: string | null;
  model: string | null;
  linkState: 'up' | 'down';
  bootOrder: number | null;
}

function bootOrder(el: Element): number | null {
  const n = Number(attr(child(el, 'boot'), 'order'));
  return Number.isInteger(n) && n > 0 ? n : null;
}

const DEVICES = new Set(['disk', 'cdrom', 'floppy', 'lun']);

export function readDisks(doc: Document): DiskEl[] {
  const out: DiskEl[] = [];
  for (const el of children(child(doc.documentElement, 'devices'), 'disk')) {
    const target = attr(child(el, 'target'), 'dev');
    if (!target) continue;
    const source = child(el, 'source');
    const driver = child(el, 'driver');
    const device = attr(el, 'device') ?? 'disk';
    out.push({
      el,
      target,
      device: (DEVICES.has(device) ? device : 'disk') as DiskEl['device'],
      type: attr(el, 'type') ?? 'file',
      bus: attr(child(el, 'target'), 'bus'),
      format: attr(driver, 'type'),
      file: attr(source, 'file'),
      dev: attr(source, 'dev'),
      pool: attr(source, 'pool'),
      volume: attr(source, 'volume'),
      network: attr(source, 'name'),
      cache: attr(driver, 'cache'),
      discard: attr(driver, 'discard'),
      io: attr(driver, 'io'),
      readonly: child(el, 'readonly') !== null,
      shareable: child(el, 'shareable') !== null,
      bootOrder: bootOrder(el),
    });
  }
  return out;
}

export function diskSourceLabel(d: Pick<DiskEl, 'file' | 'dev' | 'pool' | 'volume' | 'network'>): string | null {
  if (d.pool && d.volume) return `${d.pool}/${d.volume}`;
  return d.file ?? d.dev ?? d.network ?? null;
}

export function readNics(doc: Document): NicEl[] {
  const out: NicEl[] = [];
  for (const el of children(child(doc.documentElement, 'devices'), 'interface')) {
    const mac = attr(child(el, 'mac'), 'address');
    if (!mac) continue;
    const source = child(el, 'source');
    out.push({
      el,
      mac: mac.toLowerCase(),
      type: attr(el, 'type') ?? 'unknown',
      source: attr(source, 'network') ?? attr(source, 'bridge') ?? attr(source, 'dev') ?? null,
      model: attr(child(el, 'model'), 'type'),
      linkState: attr(child(el, 'link'), 'state') === 'down' ? 'down' : 'up',
      bootOrder: bootOrder(el),
    });
  }
  return out;
}

export interface VcpuEl {
  maximum: number;
  current: number;
  topology: { sockets: number; dies?: number; cores: number; threads: number } | null;
  mode: string | null;
  model: string | null;
}

export function readVcpus(doc: Document): VcpuEl {
  const r = doc.documentElement!;
  const vcpu = child(r, 'vcpu');
  const maximum = Number(text(vcpu)) || 1;
  const current = Number(attr(vcpu, 'current')) || maximum;
  const cpu = child(r, 'cpu');
  const topo = child(cpu, 'topology');
  const n = (name: string) => Number(attr(topo, name)) || 1;
  return {
    maximum,
    current,
    topology: topo ? { sockets: n('sockets'), ...(attr(topo, 'dies') ? { dies: n('dies') } : {}), cores: n('cores'), threads: n('threads') } : null,
    mode: cpu ? (attr(cpu, 'mode') ?? 'custom') : null,
    model: text(child(cpu, 'model')) || null,
  };
}

export interface MemoryEl {
  maximumKiB: number;
  currentKiB: number;
  hotplug: { slots: number; maxKiB: number } | null;
  dimms: { el: Element; sizeKiB: number; node: number | null; alias: string | null }[];
  numaCells: number;
}

export function readMemory(doc: Document): MemoryEl {
  const r = doc.documentElement!;
  const maximumKiB = sizeKiB(child(r, 'memory')) ?? 0;
  const maxMem = child(r, 'maxMemory');
  const dimms = children(child(r, 'devices'), 'memory')
    .filter((m) => attr(m, 'model') === 'dimm')
    .map((el) => {
      const node = text(path(el, 'target', 'node'));
      return { el, sizeKiB: sizeKiB(path(el, 'target', 'size')) ?? 0, node: node ? Number(node) : null, alias: attr(child(el, 'alias'), 'name') };
    });
  return {
    maximumKiB,
    currentKiB: sizeKiB(child(r, 'currentMemory')) ?? maximumKiB,
    hotplug: maxMem ? { slots: Number(attr(maxMem, 'slots')) || 0, maxKiB: sizeKiB(maxMem) ?? 0 } : null,
    dimms,
    numaCells: children(path(r, 'cpu', 'numa'), 'cell').length,
  };
}
