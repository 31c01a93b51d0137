import { z } from 'zod';
import { networkInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { updateDnsHost } from '@/lib/networks/change';
import { networkParams } from '@/lib/networks/read';
import { dnsHostSchema } from '@/lib/networks/validate';

export const POST = defineRoute({
  summary: 'Add or delete a DNS host entry',
  access: 'network.edit',
  params: networkParams,
  body: z.discriminatedUnion('edit', [
    dnsHostSchema.extend({ edit: z.literal('add') }),
    z.object({ edit: z.literal('delete'), ip: z.string().trim().max(64) }),
  ]),
  audit: {
    action: (i) => `network.dns-host.${i.body?.edit ?? 'edit'}`,
    ...networkInPath,
    detail: (i) => ({ ip: i.body?.ip, hostnames: i.body?.edit === 'add' ? [i.body.hostname] : [] }),
  },
  run: async ({ host, params, body }) => {
    await updateDnsHost(host, params.name, body.edit, { ip: body.ip, hostnames: body.edit === 'add' ? [body.hostname] : [] });
    return { ok: true };
  },
});
