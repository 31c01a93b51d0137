import { z } from 'zod';
import { defineRoute } from '@/lib/http/route';
import { findOsVariants } from '@/lib/osinfo/db';

/** The wizard's OS picker: operating systems of the osinfo database matching what was typed. */
export const GET = defineRoute({
  summary: 'Search the operating systems the wizard knows defaults for (the osinfo database)',
  access: 'vm.create',
  query: z.object({
    q: z.string().max(100, 'The search is at most 100 characters.').default(''),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  }),
  subject: () => 'the operating system list',
  run: async ({ query }) => ({ variants: await findOsVariants(query.q, query.limit) }),
});
