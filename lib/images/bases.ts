import 'server-only';
import { db } from '@/lib/db/client';

// Base images Vireo downloaded and keeps for reuse (the image cache's records), marked in volume listings even
// while no overlay uses them yet: pickers show them as base images, which a new VM should not write to directly.

export async function markRecordedBases<T extends { pool: string; name: string; base: boolean }>(rows: T[]): Promise<T[]> {
  const recorded = await db()
    .baseImage.findMany({ select: { pool: true, volume: true } })
    .catch(() => []);
  const keys = new Set(recorded.map((r) => `${r.pool}/${r.volume}`));
  return rows.map((r) => (!r.base && keys.has(`${r.pool}/${r.name}`) ? { ...r, base: true } : r));
}
