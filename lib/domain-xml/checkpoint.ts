import { append, newDocument } from '@/lib/xml/build';
import { attr, child, children, parseRoot, serializeXml, text } from '@/lib/xml/parse';

// <domaincheckpoint>: a point from which libvirt tracks which blocks of each disk change, as a qcow2 dirty bitmap
// named after the checkpoint. Only qcow2 disks can carry one; other disks are listed with checkpoint='no'.

export interface CheckpointDiskPlan {
  /** The disk's target ("vda"). */
  name: string;
  bitmap: boolean;
}

export function buildCheckpointXml(cp: { name: string; description?: string; disks: readonly CheckpointDiskPlan[] }): string {
  const doc = newDocument('domaincheckpoint');
  const root = doc.documentElement!;
  append(root, 'name', {}, cp.name);
  if (cp.description) append(root, 'description', {}, cp.description);
  const disks = append(root, 'disks');
  for (const d of cp.disks) append(disks, 'disk', { name: d.name, checkpoint: d.bitmap ? 'bitmap' : 'no' });
  return serializeXml(root);
}

export interface CheckpointView {
  name: string;
  parent: string | null;
  /** Seconds since the epoch, as libvirt records it. */
  creationTime: number | null;
  disks: { name: string; bitmap: string | null; checkpoint: string; size: number | null }[];
}

export function parseCheckpointXml(xml: string): CheckpointView {
  const root = parseRoot(xml, 'domaincheckpoint');
  const time = text(child(root, 'creationTime'));
  return {
    name: text(child(root, 'name')) ?? '',
    parent: text(child(child(root, 'parent'), 'name')),
    creationTime: time ? Number(time) : null,
    disks: children(child(root, 'disks'), 'disk').map((d) => {
      const size = attr(d, 'size');
      return { name: attr(d, 'name') ?? '', checkpoint: attr(d, 'checkpoint') ?? 'bitmap', bitmap: attr(d, 'bitmap'), size: size ? Number(size) : null };
    }),
  };
}
