import { z } from 'zod';
import { hostReadiness } from '@/lib/host/readiness-report';
import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: 'The KVM checks, facts and the domain type new guests get (?refresh=1 probes again)',
  access: 'host.read',
  query: z.object({ refresh: z.enum(['0', '1']).optional() }),
  subject: () => 'the host',
  run: ({ host, query }) => hostReadiness(host, { fresh: query.refresh === '1' }),
});
