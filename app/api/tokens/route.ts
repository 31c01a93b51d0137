import { z } from 'zod';
import { createApiToken, listApiTokens, refuseTokenMinting } from '@/lib/auth/api-tokens';
import { MAX_TOKEN_NAME } from '@/lib/auth/api-token-rules';
import { can, ROLES } from '@/lib/auth/roles';
import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: "Your API tokens (every user's with all=1, for admins); secrets are never shown again",
  access: 'signed-in',
  query: z.object({ all: z.enum(['0', '1']).optional() }),
  run: async ({ actor, query, demand }) => {
    if (query.all === '1') await demand('users.manage');
    return { tokens: await listApiTokens(query.all === '1' ? null : actor.id), canSeeAll: can(actor.role, 'users.manage') };
  },
});

export const POST = defineRoute({
  summary: 'Create an API token (its secret is in this answer only)',
  access: 'signed-in',
  body: z.object({
    name: z.string().max(MAX_TOKEN_NAME * 4),
    role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(', ')}.` }),
    /** ISO date-time; absent or null: the token lasts until revoked. */
    expiresAt: z.iso.datetime({ offset: true, error: 'The expiry must be a date and time (ISO 8601).' }).nullable().optional(),
  }),
  status: 201,
  audit: {
    action: 'token.create',
    objectType: 'token',
    objectName: (i) => i.body?.name ?? '-',
    detail: (i, r?: { token: { id: string } }) => ({ role: i.body?.role, expiresAt: i.body?.expiresAt ?? null, ...(r ? { id: r.token.id } : {}) }),
  },
  run: ({ actor, body }) => {
    refuseTokenMinting(actor);
    return createApiToken(actor, { name: body.name, role: body.role, expiresAt: body.expiresAt ? new Date(body.expiresAt) : null });
  },
});
