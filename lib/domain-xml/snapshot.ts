import { append, newDocument } from '@/lib/xml/build';
import { attr, child, children, parseRoot, serializeXml, text } from '@/lib/xml/parse';
import { Domain } from './domain';

// <domainsnapshot>: what libvirt says of a snapshot (its parent, the VM state it holds, where each disk's and the
// memory's state lives) and what Vireo asks for when it takes one. The definition the VM had at that moment
// (<domain> inside) is read through the domain model.

/** Where a disk's or the memory's state is kept: in the qcow2 image itself, in a file of its own, or not at all. */
export type SnapshotLocation = 'internal' | 'external' | 'no' | 'manual';

export interface SnapshotDiskXml {
  /** The disk's target (vda). */
  target: string;
  location: SnapshotLocation;
  /** An external snapshot's overlay: the file the disk has written to since the snapshot. */
  file: string | null;
  format: string | null;
}

export interface SnapshotXml {
  name: string;
  description: string | null;
  /** The VM's state when taken: running, paused, shutoff, disk-snapshot. */
  state: string | null;
  parent: string | null;
  /** Seconds since the epoch. */
  creationTime: number | null;
  memory: { location: SnapshotLocation; file: string | null };
  disks: SnapshotDiskXml[];
  /** The definition the VM had when the snapshot was taken. */
  domain: Domain | null;
}

function location(v: string | null, fallback: SnapshotLocation): SnapshotLocation {
  return v === 'internal' || v === 'external' || v === 'no' || v === 'manual' ? v : fallback;
}

export function parseSnapshotXml(xml: string): SnapshotXml {
  const root = parseRoot(xml, 'domainsnapshot');
  const memory = child(root, 'memory');
  const time = Number(text(child(root, 'creationTime')));
  const domainEl = child(root, 'domain');
  return {
    name: text(child(root, 'name')) ?? '',
    description: text(child(root, 'description')) || null,
    state: text(child(root, 'state')),
    parent: text(child(child(root, 'parent'), 'name')),
    creationTime: Number.isFinite(time) && time > 0 ? time : null,
    memory: { location: location(attr(memory, 'snapshot'), 'no'), file: attr(memory, 'file') },
    disks: children(child(root, 'disks'), 'disk').map((d) => ({
      target: attr(d, 'name') ?? '',
      location: location(attr(d, 'snapshot'), 'no'),
      file: attr(child(d, 'source'), 'file'),
      format: attr(child(d, 'driver'), 'type'),
    })),
    domain: domainEl ? Domain.parse(serializeXml(domainEl)) : null,
  };
}

/** Whether the snapshot keeps any state outside the disk images (an overlay or a memory file). */
export function isExternal(s: Pick<SnapshotXml, 'memory' | 'disks'>): boolean {
  return s.memory.location === 'external' || s.disks.some((d) => d.location === 'external');
}

export interface SnapshotRequestXml {
  name: string;
  description?: string | null;
  memory: { location: 'internal' | 'external' | 'no'; file?: string };
  disks: { target: string; location: 'internal' | 'external' | 'no'; file?: string }[];
}

/** The <domainsnapshot> Vireo hands to libvirt: every disk named, so nothing is left to libvirt's defaults. */
export function buildSnapshotXml(r: SnapshotRequestXml): string {
  const doc = newDocument('domainsnapshot');
  const root = doc.documentElement!;
  append(root, 'name', {}, r.name);
  if (r.description) append(root, 'description', {}, r.description);
  append(root, 'memory', { snapshot: r.memory.location, file: r.memory.file });
  const disks = append(root, 'disks');
  for (const d of r.disks) {
    const disk = append(disks, 'disk', { name: d.target, snapshot: d.location, type: d.location === 'external' ? 'file' : undefined });
    if (d.location === 'external') {
      append(disk, 'driver', { type: 'qcow2' });
      if (d.file) append(disk, 'source', { file: d.file });
    }
  }
  return serializeXml(root);
}
