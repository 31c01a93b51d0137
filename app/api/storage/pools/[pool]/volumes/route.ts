import { libvirt } from '@/lib/connection/libvirt';
import { answered, audited } from '@/lib/http/audited';
import { authorizeStorageChange, authorizeStorageRead, readChange } from '@/lib/storage/access';
import { createVolume, listVolumes } from '@/lib/storage/volumes';
import { volumeInputSchema } from '@/lib/storage/validate';

type Ctx = { params: Promise<{ pool: string }> };

export async function GET(req: Request, ctx: Ctx) {
  const { pool } = await ctx.params;
  const actor = await authorizeStorageRead(req);
  if (actor instanceof Response) return actor;
  return answered(async () => ({ volumes: await listVolumes(await libvirt(), pool) }), `storage pool "${pool.slice(0, 100)}"`);
}

export async function POST(req: Request, ctx: Ctx) {
  const { pool } = await ctx.params;
  const actor = await authorizeStorageChange(req, 'volume.create', 'volume', `${pool}/-`);
  if (actor instanceof Response) return actor;
  const body = await readChange(req, volumeInputSchema, actor, { action: 'volume.create', objectType: 'volume', objectName: `${pool}/-` });
  if (body instanceof Response) return body;
  return audited(actor, { action: 'volume.create', objectType: 'volume', objectName: `${pool}/${body.name}`, detail: { format: body.format, capacity: body.capacity } },
    async () => ({ volume: await createVolume(await libvirt(), pool, body) }), 201);
}
