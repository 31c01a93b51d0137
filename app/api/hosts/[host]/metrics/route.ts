import { defineRoute } from '@/lib/http/route';
import { hostHistory } from '@/lib/metrics/history';
import { rangeQuery } from '@/lib/metrics/queries';

export const GET = defineRoute({
  summary: "The host's CPU, memory, load, running VMs and pool use over a range, as columns",
  access: 'host.read',
  query: rangeQuery,
  subject: () => "the host's metrics",
  run: ({ host, query }) => hostHistory(host, query),
});
