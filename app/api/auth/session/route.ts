import { permissionsOf } from '@/lib/auth/roles';
import { defineRoute } from '@/lib/http/route';

export const GET = defineRoute({
  summary: 'Who is signed in, and what their role may do',
  access: 'signed-in',
  run: ({ actor }) => ({ user: { username: actor.username, role: actor.role }, permissions: permissionsOf(actor.role) }),
});
