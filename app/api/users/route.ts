import { createUser, listUsers, newUserSchema } from '@/lib/auth/accounts';
import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: 'Every user with their role',
  access: 'users.manage',
  run: async () => ({ users: await listUsers() }),
});

export const POST = defineRoute({
  summary: 'Add a user',
  access: 'users.manage',
  body: newUserSchema,
  status: 201,
  audit: { action: 'user.create', objectType: 'user', objectName: (i) => i.body?.username ?? '-', detail: (i) => ({ role: i.body?.role }) },
  run: async ({ body }) => {
    const user = await createUser(body.username, body.password, body.role);
    return { user: { id: user.id, username: user.username, role: user.role } };
  },
});
