import { z } from 'zod';
import { authenticate } from '@/lib/auth/accounts';
import { loginLimiter } from '@/lib/auth/rate-limit';
import { createSession } from '@/lib/auth/session';
import { sessionCookies } from '@/lib/auth/cookies';
import { recordAudit } from '@/lib/audit/log';
import { readBody } from '@/lib/http/body';
import { clientIp } from '@/lib/http/client-ip';
import { problem } from '@/lib/http/problem';

const schema = z.object({ username: z.string().trim().min(1, 'Enter your user name.').max(64), password: z.string().min(1, 'Enter your password.').max(256) });

export async function POST(req: Request) {
  const body = await readBody(req, schema);
  if (body instanceof Response) return body;
  const ip = clientIp(req.headers) ?? 'unknown';
  const limiter = loginLimiter();
  // Two keys: one address guessing many names, and many addresses guessing one name.
  const keys = [`ip:${ip}`, `user:${body.username.toLowerCase()}`];
  const wait = Math.max(...keys.map((k) => limiter.retryAfter(k)));
  if (wait) {
    return problem(429, `Too many failed sign-ins. Try again in ${Math.ceil(wait / 1000)} seconds.`);
  }
  const user = await authenticate(body.username, body.password);
  if (!user) {
    keys.forEach((k) => limiter.fail(k));
    await recordAudit({ actor: null, action: 'login', objectType: 'user', objectName: body.username, outcome: 'denied', error: 'wrong user name or password', ip });
    return problem(401, 'Wrong user name or password.');
  }
  keys.forEach((k) => limiter.reset(k));
  const s = await createSession(user.id, { ip, userAgent: req.headers.get('user-agent') });
  await recordAudit({ actor: user, action: 'login', objectType: 'user', objectName: user.username, outcome: 'ok', ip });
  const headers = new Headers();
  for (const c of sessionCookies(req, s.token, s.csrfToken, s.expiresAt)) headers.append('set-cookie', c);
  return Response.json({ ok: true, user: { username: user.username, role: user.role } }, { headers });
}
