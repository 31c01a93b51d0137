import { z } from 'zod';
import { networkInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { redefineNetwork } from '@/lib/networks/change';
import { networkParams } from '@/lib/networks/read';

/** Saves a whole new definition; a running network keeps the old one until it is restarted. */
export const PUT = defineRoute({
  summary: "Replace a network's saved definition",
  access: 'network.edit',
  params: networkParams,
  body: z.object({ xml: z.string().min(1, 'The XML is empty.').max(1_000_000) }),
  audit: { action: 'network.define', ...networkInPath },
  run: async ({ host, params, body }) => {
    await redefineNetwork(host, params.name, body.xml);
    return { ok: true };
  },
});
