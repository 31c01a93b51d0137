import { z } from 'zod';
import { passwordSchema, userParams } from '@/lib/auth/accounts';
import { resetPassword } from '@/lib/auth/user-admin';
import { defineRoute } from '@/lib/http/route';

export const PUT = defineRoute({
  summary: 'Set a new password for a user (their sessions end)',
  access: 'users.manage',
  params: userParams,
  body: z.object({ password: passwordSchema }),
  audit: { action: 'user.password.reset', objectType: 'user', objectName: (i, r?: { username: string }) => r?.username ?? i.params.id },
  run: ({ params, body }) => resetPassword(params.id, body.password),
});
