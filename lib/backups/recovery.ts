import type { LibvirtClient } from '@/lib/libvirt';
import { finishPoint, unfinishedPoints } from './store';

// At server start, before the job sweep removes what interrupted jobs made: a backup cut off by a restart may still
// be running in QEMU (libvirt's job outlives Vireo), and the checkpoint it created would make the next
// incremental build on a copy that never completed. So the libvirt job is aborted, that checkpoint deleted and
// the point marked failed; the sweep then removes its target volumes.

export const INTERRUPTED_BACKUP = 'The Vireo server stopped while this backup was running; its copies were removed.';

export async function recoverInterruptedBackups(hostId: string, client: LibvirtClient, processStart: Date): Promise<number> {
  const points = (await unfinishedPoints(processStart)).filter((p) => p.hostId === hostId);
  for (const p of points) {
    const dom = await client.domains.lookupByUuid(p.vmUuid).catch(() => null);
    if (dom && dom.id > 0) {
      const job = await client.backups.jobStats(dom).catch(() => null);
      if (job && job.type !== 0) await client.backups.abortJob(dom).catch(() => undefined);
    }
    if (dom && p.checkpoint) await client.checkpoints.delete({ name: p.checkpoint, dom }).catch(() => undefined);
    await finishPoint(p.id, { status: 'failed', error: INTERRUPTED_BACKUP, finishedAt: new Date() });
  }
  return points.length;
}
