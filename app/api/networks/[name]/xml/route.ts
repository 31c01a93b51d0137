import { z } from 'zod';
import { libvirt } from '@/lib/connection/libvirt';
import { audited } from '@/lib/http/audited';
import { readBody } from '@/lib/http/body';
import { authorizeNetworkChange } from '@/lib/networks/access';
import { redefineNetwork } from '@/lib/networks/change';

const schema = z.object({ xml: z.string().min(1, 'The XML is empty.').max(1_000_000) });

/** Saves a whole new definition; a running network keeps the old one until it is restarted. */
export async function PUT(req: Request, ctx: { params: Promise<{ name: string }> }) {
  const { name } = await ctx.params;
  const actor = await authorizeNetworkChange(req, 'network.define', name);
  if (actor instanceof Response) return actor;
  const body = await readBody(req, schema);
  if (body instanceof Response) return body;
  return audited(actor, { action: 'network.define', objectType: 'network', objectName: name }, async () => {
    await redefineNetwork(await libvirt(), name, body.xml);
    return { ok: true };
  });
}
