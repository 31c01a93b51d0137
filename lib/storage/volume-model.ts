import { DOMImplementation, type Document, type Element } from '@xmldom/xmldom';
import { attr, child, parseXml, path, serializeXml, text } from '@/lib/xml/parse';

export const VOLUME_FORMATS = ['qcow2', 'raw'] as const;
export type VolumeFormat = (typeof VOLUME_FORMATS)[number];

export interface VolumeModel {
  name: string;
  key: string | null;
  /** File or device path on the host. */
  path: string | null;
  format: string | null;
  capacity: number;
  allocation: number | null;
  /** What the file occupies on disk (libvirt 3.0+: <physical>). */
  physical: number | null;
}

function bytes(el: Element | null): number | null {
  const t = text(el);
  if (!t) return null;
  const n = Number(t);
  const unit = (attr(el, 'unit') ?? 'bytes').toLowerCase();
  const f: Record<string, number> = { b: 1, bytes: 1, k: 1024, kib: 1024, m: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gib: 1024 ** 3 };
  return Number.isFinite(n) ? n * (f[unit] ?? 1) : null;
}

export function parseVolumeXml(xml: string): VolumeModel {
  const root = parseXml(xml).documentElement!;
  if (root.tagName !== 'volume') throw new Error(`Expected a <volume> definition, got <${root.tagName}>.`);
  return {
    name: text(child(root, 'name')) ?? '',
    key: text(child(root, 'key')),
    path: text(path(root, 'target', 'path')),
    format: attr(path(root, 'target', 'format'), 'type'),
    capacity: bytes(child(root, 'capacity')) ?? 0,
    allocation: bytes(child(root, 'allocation')),
    physical: bytes(child(root, 'physical')),
  };
}

function add(doc: Document, parent: Element, name: string, attrs: Record<string, string> = {}, body?: string): Element {
  const el = doc.createElement(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (body !== undefined) el.appendChild(doc.createTextNode(body));
  parent.appendChild(el);
  return el;
}

/** A new volume: sparse (allocation 0) so creating a large one is instant on file-based pools. */
export function buildVolumeXml(v: { name: string; capacity: number; format: VolumeFormat }): string {
  const doc = new DOMImplementation().createDocument(null, 'volume', null);
  const root = doc.documentElement!;
  add(doc, root, 'name', {}, v.name);
  add(doc, root, 'capacity', { unit: 'bytes' }, String(v.capacity));
  add(doc, root, 'allocation', { unit: 'bytes' }, '0');
  add(doc, add(doc, root, 'target'), 'format', { type: v.format });
  return serializeXml(root);
}
