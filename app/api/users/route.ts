import { AccountError, createUser, listUsers, newUserSchema } from '@/lib/auth/accounts';
import { recordAudit } from '@/lib/audit/log';
import { readBody } from '@/lib/http/body';
import { authorize } from '@/lib/http/guard';
import { problem } from '@/lib/http/problem';

export async function GET(req: Request) {
  const actor = await authorize(req, 'users.manage');
  if (actor instanceof Response) return actor;
  return Response.json({ users: await listUsers() });
}

export async function POST(req: Request) {
  const actor = await authorize(req, 'users.manage', { type: 'user', name: '-' });
  if (actor instanceof Response) return actor;
  const body = await readBody(req, newUserSchema);
  if (body instanceof Response) return body;
  try {
    const user = await createUser(body.username, body.password, body.role);
    await recordAudit({ actor, action: 'user.create', objectType: 'user', objectName: user.username, outcome: 'ok', detail: { role: user.role }, ip: actor.ip });
    return Response.json({ user: { id: user.id, username: user.username, role: user.role } }, { status: 201 });
  } catch (err) {
    if (err instanceof AccountError) {
      await recordAudit({ actor, action: 'user.create', objectType: 'user', objectName: body.username, outcome: 'error', error: err.message, ip: actor.ip });
      return problem(err.status, err.message);
    }
    throw err;
  }
}
