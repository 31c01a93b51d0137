import { clearedCookies } from '@/lib/auth/cookies';
import { SESSION_COOKIE, deleteSession } from '@/lib/auth/session';
import { recordAudit } from '@/lib/audit/log';
import { authorize, readCookie } from '@/lib/http/guard';

export async function POST(req: Request) {
  const actor = await authorize(req, 'vm.read');
  if (actor instanceof Response) return actor;
  await deleteSession(readCookie(req.headers, SESSION_COOKIE));
  await recordAudit({ actor, action: 'logout', objectType: 'user', objectName: actor.username, outcome: 'ok', ip: actor.ip });
  const headers = new Headers();
  for (const c of clearedCookies(req)) headers.append('set-cookie', c);
  return Response.json({ ok: true }, { headers });
}
