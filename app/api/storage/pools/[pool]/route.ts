import { libvirt } from '@/lib/connection/libvirt';
import { answered } from '@/lib/http/audited';
import { authorizeStorageRead } from '@/lib/storage/access';
import { findPool, poolRow } from '@/lib/storage/pools';
import { listVolumes } from '@/lib/storage/volumes';

type Ctx = { params: Promise<{ pool: string }> };

export async function GET(req: Request, ctx: Ctx) {
  const { pool } = await ctx.params;
  const actor = await authorizeStorageRead(req);
  if (actor instanceof Response) return actor;
  return answered(async () => {
    const client = await libvirt();
    const row = await poolRow(client, await findPool(client, pool));
    // An inactive pool has no volume list in libvirt; show the pool alone.
    return { pool: row, volumes: row.active ? await listVolumes(client, pool) : [] };
  }, `storage pool "${pool.slice(0, 100)}"`);
}
