import { z } from 'zod';
import { libvirt } from '@/lib/connection/libvirt';
import { audited } from '@/lib/http/audited';
import { readBody } from '@/lib/http/body';
import { authorizeNetworkChange } from '@/lib/networks/access';
import { updateDnsHost } from '@/lib/networks/change';
import { dnsHostSchema } from '@/lib/networks/validate';

const schema = z.discriminatedUnion('edit', [
  dnsHostSchema.extend({ edit: z.literal('add') }),
  z.object({ edit: z.literal('delete'), ip: z.string().trim().max(64) }),
]);

export async function POST(req: Request, ctx: { params: Promise<{ name: string }> }) {
  const { name } = await ctx.params;
  const actor = await authorizeNetworkChange(req, 'network.dns-host', name);
  if (actor instanceof Response) return actor;
  const body = await readBody(req, schema);
  if (body instanceof Response) return body;
  const host = { ip: body.ip, hostnames: body.edit === 'add' ? [body.hostname] : [] };
  return audited(actor, { action: `network.dns-host.${body.edit}`, objectType: 'network', objectName: name, detail: host }, async () => {
    await updateDnsHost(await libvirt(), name, body.edit, host);
    return { ok: true };
  });
}
