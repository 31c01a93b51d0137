import { permissionsOf } from '@/lib/auth/roles';
import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: 'Who is signed in, and what their role may do',
  tags: ['auth'],
  access: 'signed-in',
  run: ({ actor }) => ({ user: { username: actor.username, role: actor.role }, permissions: permissionsOf(actor.role) }),
});
