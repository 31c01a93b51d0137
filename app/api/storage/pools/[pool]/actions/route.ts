import { libvirt } from '@/lib/connection/libvirt';
import { audited } from '@/lib/http/audited';
import { authorizeStorageChange, readChange } from '@/lib/storage/access';
import { runPoolAction } from '@/lib/storage/pools';
import { poolActionSchema } from '@/lib/storage/validate';

export async function POST(req: Request, ctx: { params: Promise<{ pool: string }> }) {
  const { pool } = await ctx.params;
  const actor = await authorizeStorageChange(req, 'pool.action', 'pool', pool);
  if (actor instanceof Response) return actor;
  const body = await readChange(req, poolActionSchema, actor, { action: 'pool.action', objectType: 'pool', objectName: pool });
  if (body instanceof Response) return body;
  return audited(actor, { action: `pool.${body.action}`, objectType: 'pool', objectName: pool }, async () => {
    await runPoolAction(await libvirt(), pool, body.action);
    return { ok: true };
  });
}
