import { z } from 'zod';
import { createFirstAdmin, passwordSchema, usernameSchema } from '@/lib/auth/accounts';
import { sessionCookies } from '@/lib/auth/cookies';
import { loginLimiter } from '@/lib/auth/rate-limit-rows';
import { createSession } from '@/lib/auth/session';
import { checkSetupCode, clearSetupCode } from '@/lib/auth/setup-code';
import { loadSettings } from '@/lib/config/settings';
import { ForbiddenError, RateLimitedError } from '@/lib/errors';
import { clientIp } from '@/lib/http/client-ip';
import { defineRoute } from '@/lib/http/route';

export const POST = defineRoute({
  summary: 'First run: create the admin account with the one-time setup code',
  access: 'public',
  body: z.object({ setupCode: z.string().max(64), username: usernameSchema, password: passwordSchema }),
  status: 201,
  run: async ({ req, body, audit }) => {
    const ip = clientIp(req.headers);
    const limiter = loginLimiter();
    const key = `setup:${ip}`;
    const wait = await limiter.retryAfter(key);
    if (wait) throw new RateLimitedError(`Too many wrong setup codes. Try again in ${Math.ceil(wait / 1000)} s.`);
    const { dataDir } = loadSettings();
    if (!(await checkSetupCode(dataDir, body.setupCode))) {
      await limiter.fail(key);
      await audit({ action: 'setup', objectType: 'user', objectName: body.username, outcome: 'denied', error: 'wrong setup code' });
      throw new ForbiddenError('That setup code is not right. Use the code printed in the server console or log.', {
        fields: { setupCode: 'Wrong setup code.' },
      });
    }
    const user = await createFirstAdmin(body.username, body.password);
    await clearSetupCode(dataDir);
    await audit({ action: 'setup', objectType: 'user', objectName: user.username, outcome: 'ok', actor: user });
    const s = await createSession(user.id, { ip, userAgent: req.headers.get('user-agent') });
    const headers = new Headers({ 'cache-control': 'no-store' });
    for (const c of sessionCookies(req, s.token, s.csrfToken, s.expiresAt)) headers.append('set-cookie', c);
    return Response.json({ ok: true, user: { username: user.username, role: user.role } }, { status: 201, headers });
  },
});
