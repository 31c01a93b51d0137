import { permissionsOf } from '@/lib/auth/roles';
import { authorize } from '@/lib/http/guard';

export async function GET(req: Request) {
  const actor = await authorize(req, 'vm.read');
  if (actor instanceof Response) return actor;
  return Response.json({ user: { username: actor.username, role: actor.role }, permissions: permissionsOf(actor.role) });
}
