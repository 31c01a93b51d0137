import { libvirt } from '@/lib/connection/libvirt';
import { audited } from '@/lib/http/audited';
import { authorizeStorageChange, readChange } from '@/lib/storage/access';
import { runVolumeAction } from '@/lib/storage/volumes';
import { volumeActionSchema } from '@/lib/storage/validate';

export async function POST(req: Request, ctx: { params: Promise<{ pool: string; volume: string }> }) {
  const { pool, volume } = await ctx.params;
  const objectName = `${pool}/${volume}`;
  const actor = await authorizeStorageChange(req, 'volume.action', 'volume', objectName);
  if (actor instanceof Response) return actor;
  const body = await readChange(req, volumeActionSchema, actor, { action: 'volume.action', objectType: 'volume', objectName });
  if (body instanceof Response) return body;
  return audited(actor, { action: `volume.${body.action}`, objectType: 'volume', objectName, detail: body.action === 'resize' ? { capacity: body.capacity } : undefined },
    async () => ({ volume: await runVolumeAction(await libvirt(), pool, volume, body) }));
}
