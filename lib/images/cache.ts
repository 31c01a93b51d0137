import 'server-only';
import type { LibvirtClient } from '@/lib/libvirt';
import { db } from '@/lib/db/client';
import { isLibvirtError } from '@/lib/errors';
import { CATALOG, type WizardCatalogEntry } from './catalog';

// Verified downloads, remembered so the next VM from the same image reuses the volume. A record whose volume
// was deleted meanwhile (by hand, in another tool) is dropped rather than trusted.

export interface CachedBase {
  pool: string;
  volume: string;
  sha256: string;
}

/** Looks a base up by its source URL or its catalog id (a catalog entry's URL may move between releases). */
export async function findCachedBase(
  client: LibvirtClient,
  q: { url: string; pool: string } | { catalogId: string; pool: string },
): Promise<CachedBase | null> {
  const where = 'url' in q ? { sourceUrl: q.url, pool: q.pool } : { catalogId: q.catalogId, pool: q.pool };
  const rows = await db().baseImage.findMany({ where, orderBy: { createdAt: 'desc' } });
  for (const row of rows) {
    try {
      await client.volumes.lookupByName(await client.pools.lookupByName(row.pool), row.volume);
      return { pool: row.pool, volume: row.volume, sha256: row.sha256 };
    } catch (err) {
      if (!isLibvirtError(err)) throw err;
      await db()
        .baseImage.delete({ where: { id: row.id } })
        .catch(() => undefined);
    }
  }
  return null;
}

export async function recordBase(r: {
  url: string;
  catalogId: string | null;
  pool: string;
  volume: string;
  sha256: string;
  sizeBytes: number;
  format: string;
}): Promise<void> {
  await db().baseImage.upsert({
    where: { pool_volume: { pool: r.pool, volume: r.volume } },
    create: { sourceUrl: r.url, catalogId: r.catalogId, pool: r.pool, volume: r.volume, sha256: r.sha256, sizeBytes: BigInt(r.sizeBytes), format: r.format },
    update: { sourceUrl: r.url, catalogId: r.catalogId, sha256: r.sha256, sizeBytes: BigInt(r.sizeBytes), format: r.format, createdAt: new Date() },
  });
}

export async function catalogForWizard(): Promise<WizardCatalogEntry[]> {
  const cached = new Set((await db().baseImage.findMany({ select: { catalogId: true } })).map((r) => r.catalogId));
  return CATALOG.map((e) => ({
    id: e.id,
    label: e.label,
    url: e.url,
    defaultUser: e.defaultUser,
    minDiskGiB: e.minDiskGiB,
    osinfo: e.osinfo,
    cached: cached.has(e.id),
  }));
}
