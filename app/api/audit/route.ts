import { z } from 'zod';
import { listAudit } from '@/lib/audit/log';
import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: 'The audit log, newest first, with search and paging',
  access: 'audit.read',
  query: z.object({
    q: z.string().max(200).optional(),
    outcome: z.enum(['ok', 'error', 'denied']).optional(),
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  }),
  run: async ({ query }) => ({ entries: await listAudit({ q: query.q, outcome: query.outcome, beforeId: query.before, limit: query.limit }) }),
});
