import { defineRoute } from '@/lib/http/route';
import { hostMetrics } from '@/lib/metrics/collector';
import { usageQuery } from '@/lib/metrics/queries';
import { sortUsage } from '@/lib/metrics/usage';

export const GET = defineRoute({
  summary: 'What every running VM uses now (CPU, memory, the last few samples), sorted: which VM is eating the host',
  access: 'vm.read',
  query: usageQuery,
  subject: () => "the VMs' usage",
  run: ({ host, query }) => sortUsage(hostMetrics(host).usage(), query.sort, query.order, query.limit),
});
