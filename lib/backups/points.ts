import 'server-only';
import type { LibvirtClient, VolumeRef } from '@/lib/libvirt';
import { ConflictError, NotFoundError, isLibvirtError } from '@/lib/errors';
import { readPointRow, vmPoints, pointView } from './store';
import type { BackupDiskCopy, BackupPointView } from './types';

// A point and the chain it needs: itself and every point before it back to its full. All must be good and their
// volumes still there, or the point cannot be restored.

export async function readPoint(id: string): Promise<BackupPointView & { domainXml: string; hostId: string }> {
  const row = await readPointRow(id);
  if (!row) throw new NotFoundError('There is no such backup point.');
  return { ...pointView(row), domainXml: row.domainXml, hostId: row.hostId };
}

/** The chain from the full up to `point`, oldest first. */
export async function chainOf(hostId: string, point: BackupPointView): Promise<BackupPointView[]> {
  const all = new Map((await vmPoints(hostId, point.vmUuid)).map((r) => [r.id, pointView(r)]));
  const chain: BackupPointView[] = [];
  for (let p: BackupPointView | undefined = point; p; p = p.parentId ? all.get(p.parentId) : undefined) {
    if (p.status !== 'ok') throw new ConflictError(`The point of ${p.createdAt} this one builds on did not complete, so this point cannot be restored.`);
    chain.unshift(p);
    if (p.parentId && !all.has(p.parentId)) throw new ConflictError('A point this one builds on was removed, so this point cannot be restored.');
  }
  return chain;
}

export async function copyVolume(client: LibvirtClient, pool: string, copy: BackupDiskCopy): Promise<VolumeRef> {
  try {
    return await client.volumes.lookupByName(await client.pools.lookupByName(pool), copy.volume);
  } catch (err) {
    if (isLibvirtError(err)) throw new ConflictError(`The backup volume ${pool}/${copy.volume} (disk ${copy.target}) is gone; this point cannot be restored.`);
    throw err;
  }
}
