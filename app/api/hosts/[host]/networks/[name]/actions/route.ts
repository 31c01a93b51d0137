import { z } from 'zod';
import { networkInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { NETWORK_ACTIONS, runNetworkAction } from '@/lib/networks/change';
import { networkParams } from '@/lib/networks/read';

export const POST = defineRoute({
  summary: 'Start or stop a network, or turn its autostart on or off',
  access: 'network.edit',
  params: networkParams,
  body: z.object({ action: z.enum(NETWORK_ACTIONS, { error: `action must be one of ${NETWORK_ACTIONS.join(', ')}` }) }),
  audit: { action: (i) => `network.${i.body?.action ?? 'action'}`, ...networkInPath },
  run: async ({ host, params, body }) => {
    await runNetworkAction(host, params.name, body.action);
    return { ok: true };
  },
});
