import { z } from 'zod';
import { userParams } from '@/lib/auth/accounts';
import { ROLES } from '@/lib/auth/roles';
import { changeRole, deleteUser, setDisabled } from '@/lib/auth/user-admin';
import { InputError } from '@/lib/errors';
import { defineRoute } from '@/lib/http/route';

const byName = (i: { params: { id: string } }, r?: { username: string }) => r?.username ?? i.params.id;

export const PATCH = defineRoute({
  summary: "Change a user's role, or disable or enable the account",
  access: 'users.manage',
  params: userParams,
  body: z.object({ role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(', ')}.` }).optional(), disabled: z.boolean().optional() }),
  audit: {
    action: (i) => (i.body?.role !== undefined ? 'user.role' : i.body?.disabled ? 'user.disable' : 'user.enable'),
    objectType: 'user',
    objectName: byName,
    detail: (i) => ({ ...i.body }),
  },
  run: async ({ params, body }) => {
    if (body.role === undefined && body.disabled === undefined)
      throw InputError.of({ role: 'Say what to change: the role, or whether the account is disabled.' });
    let username = '';
    if (body.role !== undefined) username = (await changeRole(params.id, body.role)).username;
    if (body.disabled !== undefined) username = (await setDisabled(params.id, body.disabled)).username;
    return { ok: true, username };
  },
});

export const DELETE = defineRoute({
  summary: 'Delete a user (their audit entries keep the name)',
  access: 'users.manage',
  params: userParams,
  audit: { action: 'user.delete', objectType: 'user', objectName: byName },
  run: ({ params }) => deleteUser(params.id),
});
