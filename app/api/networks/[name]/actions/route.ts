import { z } from 'zod';
import { libvirt } from '@/lib/connection/libvirt';
import { audited } from '@/lib/http/audited';
import { readBody } from '@/lib/http/body';
import { authorizeNetworkChange } from '@/lib/networks/access';
import { NETWORK_ACTIONS, runNetworkAction } from '@/lib/networks/change';

const schema = z.object({ action: z.enum(NETWORK_ACTIONS, { message: `action must be one of ${NETWORK_ACTIONS.join(', ')}` }) });

export async function POST(req: Request, ctx: { params: Promise<{ name: string }> }) {
  const { name } = await ctx.params;
  const actor = await authorizeNetworkChange(req, 'network.action', name);
  if (actor instanceof Response) return actor;
  const body = await readBody(req, schema);
  if (body instanceof Response) return body;
  return audited(actor, { action: `network.${body.action}`, objectType: 'network', objectName: name }, async () => {
    await runNetworkAction(await libvirt(), name, body.action);
    return { ok: true };
  });
}
