import { z } from 'zod';
import { revokeSession } from '@/lib/auth/user-admin';
import { defineRoute } from '@/lib/http/route';

export const DELETE = defineRoute({
  summary: 'End one session of a user (its consoles and live pages close)',
  access: 'users.manage',
  params: z.object({ id: z.uuid({ error: 'There is no such user.' }), session: z.string().regex(/^[0-9a-f]{64}$/, 'There is no such session.') }),
  audit: { action: 'user.session.revoke', objectType: 'user', objectName: (i, r?: { username: string }) => r?.username ?? i.params.id },
  run: ({ params }) => revokeSession(params.id, params.session),
});
