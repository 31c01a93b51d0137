import { append, newDocument } from '@/lib/xml/build';
import { attr, child, parseRoot, parseXml, path, serializeXml, text } from '@/lib/xml/parse';
import { sizeInBytes } from './size-xml';

export const VOLUME_FORMATS = ['qcow2', 'raw'] as const;
export type VolumeFormat = (typeof VOLUME_FORMATS)[number];

export interface VolumeModel {
  name: string;
  /** libvirt's volume type: file, block, dir, network, netdir, ploop; null when not said. */
  type: string | null;
  key: string | null;
  /** File or device path on the host. */
  path: string | null;
  format: string | null;
  capacity: number;
  allocation: number | null;
  /** What the file occupies on disk (libvirt 3.0+: <physical>). */
  physical: number | null;
  /** The image a qcow2 overlay reads through to (its backing file). */
  backingPath: string | null;
  /** qcow2 version: '1.1' for version 3 (which can hold dirty bitmaps); null for version 2 and other formats. */
  compat: string | null;
}

export function parseVolumeXml(xml: string): VolumeModel {
  const root = parseRoot(xml, 'volume');
  return {
    name: text(child(root, 'name')) ?? '',
    type: attr(root, 'type'),
    key: text(child(root, 'key')),
    path: text(path(root, 'target', 'path')),
    format: attr(path(root, 'target', 'format'), 'type'),
    capacity: sizeInBytes(child(root, 'capacity')) ?? 0,
    allocation: sizeInBytes(child(root, 'allocation')),
    physical: sizeInBytes(child(root, 'physical')),
    backingPath: text(path(root, 'backingStore', 'path')),
    compat: text(path(root, 'target', 'compat')),
  };
}

/**
 * A new volume: sparse (allocation 0) so creating a large one is instant on file-based pools. With `backing`, a
 * qcow2 overlay whose reads fall through to that image until written.
 */
export function buildVolumeXml(v: { name: string; capacity: number; format: VolumeFormat; backing?: { path: string; format: string } }): string {
  const doc = newDocument('volume');
  const root = doc.documentElement!;
  append(root, 'name', {}, v.name);
  append(root, 'capacity', { unit: 'bytes' }, String(v.capacity));
  append(root, 'allocation', { unit: 'bytes' }, '0');
  const target = append(root, 'target');
  append(target, 'format', { type: v.format });
  // libvirt makes qcow2 version 2 (compat 0.10) unless told: version 3 is what can hold dirty bitmaps (incremental
  // backups), and every QEMU of the last decade reads it.
  if (v.format === 'qcow2') append(target, 'compat', {}, '1.1');
  if (v.backing) {
    const backing = append(root, 'backingStore');
    append(backing, 'path', {}, v.backing.path);
    append(backing, 'format', { type: v.backing.format });
  }
  return serializeXml(root);
}

/** A file volume's size and change times as libvirt saw them (nanoseconds), to tell that a local file is that volume. */
export interface VolumeFileStamp {
  physical: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** "1796140791.712226195" (libvirt's seconds.nanoseconds) as nanoseconds; null when absent or malformed. */
function nanoseconds(t: string | null): bigint | null {
  const m = t ? /^(\d+)(?:\.(\d{1,9}))?$/.exec(t.trim()) : null;
  return m ? BigInt(m[1]!) * 1_000_000_000n + BigInt((m[2] ?? '').padEnd(9, '0')) : null;
}

export function volumeFileStamp(xml: string): VolumeFileStamp | null {
  const root = parseXml(xml).documentElement!;
  const times = path(root, 'target', 'timestamps');
  const physical = sizeInBytes(child(root, 'physical'));
  const mtimeNs = nanoseconds(text(child(times, 'mtime')));
  const ctimeNs = nanoseconds(text(child(times, 'ctime')));
  if (attr(root, 'type') !== 'file' || physical === null || mtimeNs === null || ctimeNs === null) return null;
  return { physical: BigInt(physical), mtimeNs, ctimeNs };
}
