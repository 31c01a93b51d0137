import type { Element } from '@xmldom/xmldom';
import { attr, child, children, parseXml, text } from '@/lib/xml/parse';

// One <os> of an osinfo-db file, as written (nothing inherited yet): variant.ts resolves what it derives from.

export interface Resources {
  ramBytes: number | null;
  storageBytes: number | null;
  cpus: number | null;
}

export interface OsRecord {
  id: string;
  shortIds: string[];
  name: string;
  vendor: string | null;
  family: string | null;
  distro: string | null;
  releaseDate: string | null;
  eolDate: string | null;
  /** Ids this one inherits devices, resources and firmware from (derives-from, clones). */
  parents: string[];
  /** Device id → supported (a device listed with supported="false" cancels an inherited one). */
  devices: Map<string, boolean>;
  /** x86_64 (or all-architecture) resources; inherit: take the parent's. */
  resources: { inherit: boolean; minimum: Resources | null; recommended: Resources | null } | null;
  /** x86_64 firmware entries: type → supported. */
  firmware: Map<string, boolean>;
}

/** The text of the child without xml:lang (the untranslated one). */
function plain(el: Element, name: string): string | null {
  const c = children(el, name).find((x) => !x.getAttribute('xml:lang'));
  return c ? (text(c)?.trim() ?? null) : null;
}

function num(el: Element | null, name: string): number | null {
  const t = text(child(el, name));
  const n = t === null ? Number.NaN : Number(t.trim());
  return Number.isFinite(n) && n > 0 ? n : null;
}

function resources(el: Element | null): Resources | null {
  if (!el) return null;
  return { ramBytes: num(el, 'ram'), storageBytes: num(el, 'storage'), cpus: num(el, 'n-cpus') };
}

const X86 = new Set(['x86_64', 'all']);

function osRecord(os: Element): OsRecord | null {
  const id = attr(os, 'id');
  if (!id) return null;
  const devices = new Map<string, boolean>();
  for (const d of children(child(os, 'devices'), 'device')) {
    const dev = attr(d, 'id');
    if (dev) devices.set(dev, attr(d, 'supported') !== 'false');
  }
  // x86_64 wins over "all" when both are given.
  const res = children(os, 'resources')
    .filter((r) => X86.has(attr(r, 'arch') ?? 'all'))
    .sort((a, b) => (attr(a, 'arch') === 'x86_64' ? -1 : 0) - (attr(b, 'arch') === 'x86_64' ? -1 : 0))[0];
  const firmware = new Map<string, boolean>();
  for (const f of children(os, 'firmware')) {
    const type = attr(f, 'type');
    if (type && attr(f, 'arch') === 'x86_64') firmware.set(type, attr(f, 'supported') !== 'false');
  }
  return {
    id,
    shortIds: children(os, 'short-id')
      .map((s) => text(s)?.trim() ?? '')
      .filter(Boolean),
    name: plain(os, 'name') ?? id,
    vendor: plain(os, 'vendor'),
    family: plain(os, 'family'),
    distro: plain(os, 'distro'),
    releaseDate: plain(os, 'release-date'),
    eolDate: plain(os, 'eol-date'),
    parents: [...children(os, 'derives-from'), ...children(os, 'clones')].map((p) => attr(p, 'id') ?? '').filter(Boolean),
    devices,
    resources: res
      ? { inherit: attr(res, 'inherit') === 'true', minimum: resources(child(res, 'minimum')), recommended: resources(child(res, 'recommended')) }
      : null,
    firmware,
  };
}

/** The OSes of one database file (usually one). Malformed XML throws XmlSyntaxError. */
export function parseOsFile(xml: string): OsRecord[] {
  const root = parseXml(xml).documentElement!;
  return children(root, 'os')
    .map(osRecord)
    .filter((r): r is OsRecord => r !== null);
}
