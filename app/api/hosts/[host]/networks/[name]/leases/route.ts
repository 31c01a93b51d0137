import { defineRoute } from '@/lib/http/route';
import { networkLeases } from '@/lib/networks/leases';
import { networkParams } from '@/lib/networks/read';

export const GET = defineRoute({
  summary: "A running network's DHCP leases",
  access: 'host.read',
  params: networkParams,
  subject: (i) => `network "${i.params.name}"`,
  run: async ({ host, params }) => ({ leases: await networkLeases(host, params.name) }),
});
