import 'server-only';
import type { LibvirtClient } from '@/lib/libvirt';
import { ConflictError, NotFoundError, isLibvirtError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { pointsToPrune } from './retention';
import { deletePointRow, pointView, readPointRow, vmPoints } from './store';
import type { BackupPointView, Retention } from './types';

// Removing points: their volumes from the pool, then their records. A point another point builds on is never
// removed before it (retention keeps ancestors; a manual delete of such a point is refused).

async function removeCopies(client: LibvirtClient, p: BackupPointView): Promise<void> {
  for (const c of p.disks) {
    try {
      const pool = await client.pools.lookupByName(p.pool);
      await client.volumes.delete(await client.volumes.lookupByName(pool, c.volume));
    } catch (err) {
      if (!isLibvirtError(err)) throw err; // a volume already gone is fine: the point goes anyway
    }
  }
}

/** Applies a retention policy to one VM's good points; returns the ids removed. */
export async function pruneVm(host: HostContext, vmUuid: string, policy: Retention): Promise<string[]> {
  const client = await host.libvirt();
  const points = (await vmPoints(host.id, vmUuid, 'ok')).map(pointView);
  const prune = pointsToPrune(
    points.map((p) => ({ id: p.id, parentId: p.parentId, createdAt: new Date(p.createdAt) })),
    policy,
  );
  const byId = new Map(points.map((p) => [p.id, p]));
  for (const { id } of prune) {
    await removeCopies(client, byId.get(id)!);
    await deletePointRow(id);
  }
  // Failed attempts older than the newest good point say nothing any more (their copies were rolled back).
  const newest = points[0]?.createdAt;
  const stale = newest ? (await vmPoints(host.id, vmUuid, 'failed')).filter((r) => r.createdAt.toISOString() < newest) : [];
  for (const r of stale) await deletePointRow(r.id);
  return prune.map((p) => p.id);
}

/** Deletes one point; refused while a later point builds on it. A failed point's record goes with nothing else. */
export async function deletePoint(host: HostContext, id: string): Promise<void> {
  const row = await readPointRow(id);
  if (!row || row.hostId !== host.id) throw new NotFoundError('There is no such backup point.');
  if (row.status === 'running') throw new ConflictError('This backup is still running; cancel its job instead.');
  const children = (await vmPoints(host.id, row.vmUuid)).filter((p) => p.parentId === id);
  if (children.length) {
    throw new ConflictError(`${children.length} later point(s) build on this one and could not be restored without it; delete them first.`);
  }
  await removeCopies(await host.libvirt(), pointView(row));
  await deletePointRow(id);
}
