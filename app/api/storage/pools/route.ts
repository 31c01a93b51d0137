import { libvirt } from '@/lib/connection/libvirt';
import { answered, audited } from '@/lib/http/audited';
import { authorizeStorageChange, authorizeStorageRead, readChange } from '@/lib/storage/access';
import { createPool, hostPoolTypes, listPools } from '@/lib/storage/pools';
import { poolInputSchema } from '@/lib/storage/validate';

export async function GET(req: Request) {
  const actor = await authorizeStorageRead(req);
  if (actor instanceof Response) return actor;
  return answered(async () => {
    const client = await libvirt();
    const [pools, hostTypes] = await Promise.all([listPools(client), hostPoolTypes(client)]);
    return { pools, hostTypes };
  }, 'the storage pool');
}

export async function POST(req: Request) {
  const actor = await authorizeStorageChange(req, 'pool.create', 'pool', '-');
  if (actor instanceof Response) return actor;
  const what = { action: 'pool.create', objectType: 'pool' };
  const body = await readChange(req, poolInputSchema, actor, { ...what, objectName: '-' });
  if (body instanceof Response) return body;
  return audited(actor, { ...what, objectName: body.name, detail: { type: body.type, targetPath: body.targetPath, build: body.build, start: body.start, autostart: body.autostart } },
    async () => ({ pool: await createPool(await libvirt(), body) }), 201);
}
