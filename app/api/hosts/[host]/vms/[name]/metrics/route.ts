import { defineRoute } from '@/lib/http/route';
import { vmHistory } from '@/lib/metrics/history';
import { rangeQuery } from '@/lib/metrics/queries';
import { vmParams } from '@/lib/vms/names';

export const GET = defineRoute({
  summary: "A VM's CPU, memory, disk and network history over a range, as columns (t, then one array per series)",
  access: 'vm.read',
  params: vmParams,
  query: rangeQuery,
  subject: (i) => `the metrics of "${i.params.name}"`,
  run: ({ host, params, query }) => vmHistory(host, params.name, query),
});
