import 'server-only';
import { DomainUndefineFlagsValues } from '@/lib/libvirt';
import type { HostContext } from '@/lib/hosts';
import type { JobContext } from '@/lib/jobs/runner';
import { copiedDisks, copySize, type Subject } from './subject';
import { createDestVolumes, removeVolumes, streamVolume, volumeChecksum, type DestVolume } from './volume-copy';
import { withDiskPaths } from './rewrite';
import { formatBytes } from './words';
import type { MigrationOptions } from './types';

// Moving a stopped VM: its volumes are copied through libvirt's download and upload streams (each host's own
// transfer connection), read back on the destination and compared by SHA-256, and only then is the VM defined
// there and undefined on the source. A failure before that point removes the copies and leaves the source as it was.

export const OFFLINE_STEPS = [
  { id: 'prepare', label: 'Prepare the destination' },
  { id: 'copy', label: 'Copy the disks' },
  { id: 'verify', label: 'Verify the copies' },
  { id: 'define', label: 'Define the VM on the destination' },
  { id: 'undefine', label: 'Remove the VM from the source' },
];

export interface OfflineOutcome extends Record<string, unknown> {
  durationMs: number;
  copiedBytes: number;
  checksums: { disk: string; sha256: string }[];
}

export async function runOffline(ctx: JobContext, source: HostContext, dest: HostContext, subject: Subject, o: MigrationOptions): Promise<OfflineOutcome> {
  const started = Date.now();
  const src = await source.libvirt();
  const dst = await dest.libvirt();
  const copied = o.storage === 'copy' ? copiedDisks(subject) : [];
  let made: DestVolume[] = [];
  let defined = false;
  const sent = new Map<string, string>();
  const total = copied.reduce((n, d) => n + (d.volume ? copySize(d.volume) : 0), 0);
  try {
    await ctx.step('prepare', async () => {
      if (!copied.length) return ctx.detail('Shared storage: nothing to prepare.');
      made = await createDestVolumes(dst, copied);
    });

    let copiedBytes = 0;
    if (!copied.length) ctx.skip('copy', 'Shared storage: the disks stay where they are.');
    else
      await ctx.step('copy', async () => {
        const [from, to] = await Promise.all([source.openTransfer(), dest.openTransfer()]);
        try {
          for (const m of made) {
            const base = copiedBytes;
            const srcVol = await from.volumes.lookupByName(await from.pools.lookupByName(m.disk.volume!.pool), m.disk.volume!.name);
            const r = await streamVolume(
              from,
              srcVol,
              to,
              m.ref,
              (n) => ctx.progress(total ? (base + n) / total : 1, `${m.disk.target}: ${formatBytes(base + n)} of ${formatBytes(total)}`),
              ctx.signal,
            );
            copiedBytes += r.bytes;
            sent.set(m.disk.target, r.sha256);
          }
        } finally {
          await Promise.all([from.close().catch(() => undefined), to.close().catch(() => undefined)]);
        }
      });

    if (!copied.length) ctx.skip('verify', 'Nothing was copied.');
    else
      await ctx.step('verify', async () => {
        const reader = await dest.openTransfer();
        try {
          for (const m of made) {
            const back = await volumeChecksum(reader, m.ref, ctx.signal);
            const want = sent.get(m.disk.target);
            if (back.sha256 !== want)
              throw new Error(`The copy of ${m.disk.target} on ${dest.name} does not match (SHA-256 ${back.sha256.slice(0, 16)}… ≠ ${want?.slice(0, 16)}…).`);
          }
          ctx.detail(`${made.length} disk(s) match their SHA-256 on ${dest.name}.`);
        } finally {
          await reader.close().catch(() => undefined);
        }
      });

    await ctx.step('define', async () => {
      const paths = new Map(made.filter((m) => m.path !== m.disk.path).map((m) => [m.disk.path, m.path]));
      await dst.domains.defineXml(withDiskPaths(subject.inactiveXml, paths));
      defined = true;
    });

    if (!o.undefineSource) ctx.skip('undefine', `Kept on ${source.name}, as asked.`);
    else
      await ctx.step('undefine', async () => {
        // Its NVRAM file and volumes stay on the source: the definition goes, the data is the admin's to remove.
        await src.domains.undefine(subject.dom, DomainUndefineFlagsValues.KEEP_NVRAM);
      });
    return { durationMs: Date.now() - started, copiedBytes, checksums: [...sent].map(([disk, sha256]) => ({ disk, sha256 })) };
  } finally {
    if (!defined && made.length) await removeVolumes(dst, made);
  }
}
