import { z } from 'zod';
import { createFirstAdmin, AccountError, passwordSchema, usernameSchema } from '@/lib/auth/accounts';
import { checkSetupCode, clearSetupCode } from '@/lib/auth/setup-code';
import { loginLimiter } from '@/lib/auth/rate-limit';
import { createSession } from '@/lib/auth/session';
import { sessionCookies } from '@/lib/auth/cookies';
import { recordAudit } from '@/lib/audit/log';
import { loadSettings } from '@/lib/config/settings';
import { readBody } from '@/lib/http/body';
import { clientIp } from '@/lib/http/client-ip';
import { problem } from '@/lib/http/problem';

const schema = z.object({ setupCode: z.string().max(64), username: usernameSchema, password: passwordSchema });

export async function POST(req: Request) {
  const ip = clientIp(req.headers);
  const limiter = loginLimiter();
  const key = `setup:${ip}`;
  const wait = limiter.retryAfter(key);
  if (wait) return problem(429, `Too many wrong setup codes. Try again in ${Math.ceil(wait / 1000)} s.`);
  const body = await readBody(req, schema);
  if (body instanceof Response) return body;
  const { dataDir } = loadSettings();
  if (!(await checkSetupCode(dataDir, body.setupCode))) {
    limiter.fail(key);
    await recordAudit({ actor: null, action: 'setup', objectType: 'user', objectName: body.username, outcome: 'denied', error: 'wrong setup code', ip });
    return problem(403, 'That setup code is not right. Use the code printed in the server console or log.', { fields: { setupCode: 'Wrong setup code.' } });
  }
  try {
    const user = await createFirstAdmin(body.username, body.password);
    await clearSetupCode(dataDir);
    await recordAudit({ actor: user, action: 'setup', objectType: 'user', objectName: user.username, outcome: 'ok', ip });
    const s = await createSession(user.id, { ip, userAgent: req.headers.get('user-agent') });
    const headers = new Headers();
    for (const c of sessionCookies(req, s.token, s.csrfToken, s.expiresAt)) headers.append('set-cookie', c);
    return Response.json({ ok: true, user: { username: user.username, role: user.role } }, { status: 201, headers });
  } catch (err) {
    if (err instanceof AccountError) return problem(err.status, err.message);
    throw err;
  }
}
