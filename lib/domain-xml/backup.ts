import { append, newDocument } from '@/lib/xml/build';
import { serializeXml } from '@/lib/xml/parse';

// <domainbackup mode='push'>: the hypervisor itself copies each chosen disk into a target file that already exists
// (Vireo creates it as a pool volume first, so the pool accounts for it and a remote host needs no file access).
// With `incremental`, only the blocks changed since that checkpoint are written; the rest of the target stays
// unallocated and reads through to its backing file, the previous point of the chain.

export interface BackupDiskPlan {
  /** The disk's target ("vda"). */
  name: string;
  /** The target file on the host; null leaves the disk out of the backup. */
  targetPath: string | null;
  /** Target image format; qcow2 is what an incremental needs (unwritten clusters stay holes). */
  format?: 'qcow2' | 'raw';
  /** 'full' forces a whole copy of this disk in an incremental backup (a disk with no bitmap of the base). */
  mode?: 'full' | 'incremental';
}

export function buildPushBackupXml(plan: { incremental: string | null; disks: readonly BackupDiskPlan[] }): string {
  const doc = newDocument('domainbackup');
  const root = doc.documentElement!;
  root.setAttribute('mode', 'push');
  if (plan.incremental) append(root, 'incremental', {}, plan.incremental);
  const disks = append(root, 'disks');
  for (const d of plan.disks) {
    if (!d.targetPath) {
      append(disks, 'disk', { name: d.name, backup: 'no' });
      continue;
    }
    const mode = plan.incremental ? (d.mode ?? 'incremental') : undefined;
    const el = append(disks, 'disk', { name: d.name, backup: 'yes', type: 'file', backupmode: mode });
    append(el, 'target', { file: d.targetPath });
    append(el, 'driver', { type: d.format ?? 'qcow2' });
  }
  return serializeXml(root);
}
