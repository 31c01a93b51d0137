import type { Element } from '@xmldom/xmldom';
import { child, serializeXml } from '@/lib/xml/parse';
import { append, cloneAsFragment, ensure, fragment, removeChildren, setAttrs } from '@/lib/xml/build';
import type { DiskCache, DiskDiscard, DiskIo } from './types';

// Device XML for disks, CD-ROM drives and the virtio-scsi controller they may need.

export type DiskSourceRef = { pool: string; volume: string } | { file: string } | null;

export interface DiskOptions {
  cache?: DiskCache;
  discard?: DiskDiscard;
  io?: DiskIo;
  readonly?: boolean;
  shareable?: boolean;
}

export interface NewDisk extends DiskOptions {
  device: 'disk' | 'cdrom';
  source: DiskSourceRef;
  format: string;
  target: string;
  bus: string;
}

const opt = (v: string | undefined) => (v === undefined || v === 'default' ? undefined : v);

function setSource(disk: Element, source: DiskSourceRef): void {
  removeChildren(disk, 'source');
  if (source && 'pool' in source) {
    setAttrs(disk, { type: 'volume' });
    insertAfterDriver(disk, 'source', { pool: source.pool, volume: source.volume });
  } else if (source) {
    setAttrs(disk, { type: 'file' });
    insertAfterDriver(disk, 'source', { file: source.file });
  } else {
    setAttrs(disk, { type: 'file' });
  }
}

function insertAfterDriver(disk: Element, name: string, attrs: Record<string, string>): void {
  const el = append(disk, name, attrs);
  const driver = child(disk, 'driver');
  const next = driver ? driver.nextSibling : disk.firstChild;
  if (next && next !== el) disk.insertBefore(el, next);
}

export function buildDiskXml(d: NewDisk): string {
  const disk = fragment('disk', { type: 'file', device: d.device });
  append(disk, 'driver', { name: 'qemu', type: d.format, cache: opt(d.cache), discard: opt(d.discard), io: opt(d.io) });
  setSource(disk, d.source);
  append(disk, 'target', { dev: d.target, bus: d.bus });
  if (d.readonly || d.device === 'cdrom') append(disk, 'readonly');
  if (d.shareable) append(disk, 'shareable');
  return serializeXml(disk);
}

/** The existing drive with new media (or none): what libvirt's update-device wants for an insert/eject. */
export function withMedia(existing: Element, source: DiskSourceRef): string {
  const disk = cloneAsFragment(existing);
  setSource(disk, source);
  const driver = ensure(disk, 'driver', ['source', 'target']);
  setAttrs(driver, { name: 'qemu', type: 'raw' });
  return serializeXml(disk);
}

/** The existing disk with changed driver options / flags, for a persistent redefinition or an update attempt. */
export function applyDiskOptions(disk: Element, o: DiskOptions): void {
  const driver = ensure(disk, 'driver', ['source', 'target']);
  const val = (v: string | undefined) => (v === undefined ? undefined : v === 'default' ? null : v);
  setAttrs(driver, { cache: val(o.cache), discard: val(o.discard), io: val(o.io) });
  if (o.readonly !== undefined) {
    removeChildren(disk, 'readonly');
    if (o.readonly) append(disk, 'readonly');
  }
  if (o.shareable !== undefined) {
    removeChildren(disk, 'shareable');
    if (o.shareable) append(disk, 'shareable');
  }
}

export function scsiControllerXml(index: number): string {
  return serializeXml(fragment('controller', { type: 'scsi', index, model: 'virtio-scsi' }));
}

export function ioProblem(o: DiskOptions): string | null {
  if (o.io === 'native' && o.cache !== undefined && o.cache !== 'none' && o.cache !== 'directsync') {
    return 'Native I/O needs the cache mode "none" or "directsync".';
  }
  return null;
}
