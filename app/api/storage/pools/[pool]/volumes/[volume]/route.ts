import { libvirt } from '@/lib/connection/libvirt';
import { answered, audited } from '@/lib/http/audited';
import { authorizeStorageChange, authorizeStorageRead } from '@/lib/storage/access';
import { deleteVolume, findVolume, volumeRow } from '@/lib/storage/volumes';

type Ctx = { params: Promise<{ pool: string; volume: string }> };

export async function GET(req: Request, ctx: Ctx) {
  const { pool, volume } = await ctx.params;
  const actor = await authorizeStorageRead(req);
  if (actor instanceof Response) return actor;
  return answered(async () => {
    const client = await libvirt();
    return { volume: await volumeRow(client, await findVolume(client, pool, volume)) };
  }, `volume "${volume.slice(0, 100)}"`);
}

export async function DELETE(req: Request, ctx: Ctx) {
  const { pool, volume } = await ctx.params;
  const objectName = `${pool}/${volume}`;
  const actor = await authorizeStorageChange(req, 'volume.delete', 'volume', objectName);
  if (actor instanceof Response) return actor;
  return audited(actor, { action: 'volume.delete', objectType: 'volume', objectName }, async () => {
    await deleteVolume(await libvirt(), pool, volume);
    return { ok: true };
  });
}
