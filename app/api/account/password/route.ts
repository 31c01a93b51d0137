import { z } from 'zod';
import { passwordSchema } from '@/lib/auth/accounts';
import { changeOwnPassword } from '@/lib/auth/user-admin';
import { defineRoute } from '@/lib/http/route';

export const PUT = defineRoute({
  summary: 'Change your own password (the current one is required; your other sessions end)',
  access: 'signed-in',
  body: z.object({ currentPassword: z.string().min(1, 'Enter your current password.').max(256), newPassword: passwordSchema }),
  audit: { action: 'user.password.change', objectType: 'user', objectName: () => '(self)' },
  run: async ({ actor, body }) => {
    await changeOwnPassword(actor.id, actor.sessionId, body.currentPassword, body.newPassword);
    return { ok: true };
  },
});
