import { userParams } from '@/lib/auth/accounts';
import { listSessions } from '@/lib/auth/user-admin';
import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: "A user's open sessions: when, from where, with what browser",
  access: 'users.manage',
  params: userParams,
  run: async ({ params, actor }) => ({
    sessions: (await listSessions(params.id)).map((s) => ({ ...s, current: s.id === actor.sessionId })),
  }),
});
