import { DomainUndefineFlagsValues, type LibvirtClient } from '@/lib/libvirt';
import { isLibvirtError } from '@/lib/errors';
import type { CreatedResource, RollbackRecord } from './types';

// Removing what a job made. A resource that is already gone counts as removed: rollback may run twice (a failed
// job, then the restart sweep) and must not fail the second time.

async function removeOne(client: LibvirtClient, r: CreatedResource): Promise<'removed' | 'already-gone'> {
  if (r.type === 'volume') {
    const pool = await client.pools.lookupByName(r.pool);
    const vol = await client.volumes.lookupByName(pool, r.name);
    await client.volumes.delete(vol);
    return 'removed';
  }
  const dom = await client.domains.lookupByUuid(r.uuid);
  if (dom.id > 0) await client.domains.destroy(dom).catch(() => undefined);
  await client.domains.undefine(dom, DomainUndefineFlagsValues.NVRAM | DomainUndefineFlagsValues.MANAGED_SAVE);
  return 'removed';
}

function isGone(err: unknown): boolean {
  return isLibvirtError(err) && /^ERR_NO_(DOMAIN|STORAGE_VOL|STORAGE_POOL)$/.test(err.codeName ?? '');
}

export function describeResource(r: CreatedResource): string {
  return r.type === 'volume' ? `volume ${r.pool}/${r.name}` : `domain ${r.name}`;
}

/** Removes resources newest first (the domain before the volumes it uses). Never throws. */
export async function rollBack(client: LibvirtClient, created: readonly CreatedResource[]): Promise<RollbackRecord[]> {
  const out: RollbackRecord[] = [];
  for (const resource of [...created].reverse()) {
    try {
      out.push({ resource, outcome: await removeOne(client, resource) });
    } catch (err) {
      if (isGone(err)) out.push({ resource, outcome: 'already-gone' });
      else out.push({ resource, outcome: 'failed', error: (err as Error).message });
    }
  }
  return out;
}
