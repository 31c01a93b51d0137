import { libvirt } from '@/lib/connection/libvirt';
import { answered } from '@/lib/http/audited';
import { authorizeNetworkRead } from '@/lib/networks/access';
import { networkLeases } from '@/lib/networks/leases';

export async function GET(req: Request, ctx: { params: Promise<{ name: string }> }) {
  const { name } = await ctx.params;
  const actor = await authorizeNetworkRead(req);
  if (actor instanceof Response) return actor;
  return answered(async () => ({ leases: await networkLeases(await libvirt(), name) }), `network "${name.slice(0, 100)}"`);
}
