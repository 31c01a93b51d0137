import { z } from 'zod';
import { networkInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { updateDhcpHost } from '@/lib/networks/change';
import { networkParams } from '@/lib/networks/read';
import { dhcpHostSchema } from '@/lib/networks/validate';

const entryOf = (b: { mac?: string | null; ip: string; name?: string | null }) => ({ mac: b.mac ? b.mac.toLowerCase() : null, ip: b.ip, name: b.name || null });

/** Static DHCP hosts change live (network update) when the network runs, and in the saved definition always. */
export const POST = defineRoute({
  summary: 'Add or delete a static DHCP host',
  access: 'network.edit',
  params: networkParams,
  body: dhcpHostSchema.extend({ edit: z.enum(['add', 'delete']) }),
  audit: {
    action: (i) => `network.dhcp-host.${i.body?.edit ?? 'edit'}`,
    ...networkInPath,
    detail: (i) => (i.body?.ip ? entryOf({ ...i.body, ip: i.body.ip }) : null),
  },
  run: async ({ host, params, body }) => {
    await updateDhcpHost(host, params.name, body.edit, entryOf(body));
    return { ok: true };
  },
});
