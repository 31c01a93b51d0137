import { libvirt } from '@/lib/connection/libvirt';
import { answered, audited } from '@/lib/http/audited';
import { authorizeNetworkChange, authorizeNetworkRead } from '@/lib/networks/access';
import { deleteNetwork } from '@/lib/networks/change';
import { readNetwork } from '@/lib/networks/read';

type Ctx = { params: Promise<{ name: string }> };

export async function GET(req: Request, ctx: Ctx) {
  const { name } = await ctx.params;
  const actor = await authorizeNetworkRead(req);
  if (actor instanceof Response) return actor;
  return answered(async () => readNetwork(await libvirt(), name), `network "${name.slice(0, 100)}"`);
}

export async function DELETE(req: Request, ctx: Ctx) {
  const { name } = await ctx.params;
  const actor = await authorizeNetworkChange(req, 'network.delete', name);
  if (actor instanceof Response) return actor;
  return audited(actor, { action: 'network.delete', objectType: 'network', objectName: name }, async () => {
    await deleteNetwork(await libvirt(), name);
    return { ok: true };
  });
}
