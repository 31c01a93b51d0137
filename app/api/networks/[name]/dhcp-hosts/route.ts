import { z } from 'zod';
import { libvirt } from '@/lib/connection/libvirt';
import { audited } from '@/lib/http/audited';
import { readBody } from '@/lib/http/body';
import { authorizeNetworkChange } from '@/lib/networks/access';
import { updateDhcpHost } from '@/lib/networks/change';
import { dhcpHostSchema } from '@/lib/networks/validate';

const schema = dhcpHostSchema.extend({ edit: z.enum(['add', 'delete']) });

/** Static DHCP hosts change live (network update) when the network runs, and in the saved definition always. */
export async function POST(req: Request, ctx: { params: Promise<{ name: string }> }) {
  const { name } = await ctx.params;
  const actor = await authorizeNetworkChange(req, 'network.dhcp-host', name);
  if (actor instanceof Response) return actor;
  const body = await readBody(req, schema);
  if (body instanceof Response) return body;
  const host = { mac: body.mac ? body.mac.toLowerCase() : null, ip: body.ip, name: body.name || null };
  return audited(actor, { action: `network.dhcp-host.${body.edit}`, objectType: 'network', objectName: name, detail: host }, async () => {
    await updateDhcpHost(await libvirt(), name, body.edit, host);
    return { ok: true };
  });
}
