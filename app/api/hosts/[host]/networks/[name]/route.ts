import { networkInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { deleteNetwork } from '@/lib/networks/change';
import { networkParams, readNetwork } from '@/lib/networks/read';

export const GET = defineRoute({
  summary: 'One network: settings, live and saved XML, the VMs on it',
  access: 'host.read',
  params: networkParams,
  subject: (i) => `network "${i.params.name}"`,
  run: ({ host, params }) => readNetwork(host, params.name),
});

export const DELETE = defineRoute({
  summary: 'Delete a network no VM uses (stopping it first)',
  access: 'network.edit',
  params: networkParams,
  audit: { action: 'network.delete', ...networkInPath },
  run: async ({ host, params }) => {
    await deleteNetwork(host, params.name);
    return { ok: true };
  },
});
