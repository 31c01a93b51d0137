import { allHosts } from '@/lib/hosts';
import { defineRoute } from '@/lib/http/route';
import { hostMetrics } from '@/lib/metrics/collector';
import { usageQuery } from '@/lib/metrics/queries';
import { sortUsage } from '@/lib/metrics/usage';

export const GET = defineRoute({
  summary: 'What the running VMs of every host use now (CPU, memory, the last few samples), host by host, each sorted',
  access: 'vm.read',
  query: usageQuery,
  subject: () => "the VMs' usage",
  run: async ({ query }) => ({ hosts: (await allHosts()).map((h) => sortUsage(hostMetrics(h).usage(), query.sort, query.order, query.limit)) }),
});
