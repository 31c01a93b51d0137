import { z } from 'zod';
import { listDeliveries } from '@/lib/alerts/notifier';
import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: 'The delivery log: each attempt to notify a receiver, newest first',
  access: 'alerts.read',
  query: z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }),
  run: async ({ query }) => ({ deliveries: await listDeliveries(query.limit ?? 200) }),
});
