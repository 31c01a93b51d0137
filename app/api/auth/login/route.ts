import { z } from 'zod';
import { authenticate } from '@/lib/auth/accounts';
import { sessionCookies } from '@/lib/auth/cookies';
import { loginLimiter } from '@/lib/auth/rate-limit-rows';
import { createSession } from '@/lib/auth/session';
import { RateLimitedError, VireoError } from '@/lib/errors';
import { clientIp } from '@/lib/http/client-ip';
import { defineRoute } from '@/lib/http/route';

export const POST = defineRoute({
  summary: 'Sign in: sets the session and CSRF cookies',
  access: 'public',
  body: z.object({ username: z.string().trim().min(1, 'Enter your user name.').max(64), password: z.string().min(1, 'Enter your password.').max(256) }),
  run: async ({ req, body, audit }) => {
    const ip = clientIp(req.headers) ?? 'unknown';
    const limiter = loginLimiter();
    // Two keys: one address guessing many names, and many addresses guessing one name.
    const keys = [`ip:${ip}`, `user:${body.username.toLowerCase()}`];
    const wait = Math.max(...(await Promise.all(keys.map((k) => limiter.retryAfter(k)))));
    if (wait) throw new RateLimitedError(`Too many failed sign-ins. Try again in ${Math.ceil(wait / 1000)} seconds.`);
    const user = await authenticate(body.username, body.password);
    if (!user) {
      for (const k of keys) await limiter.fail(k);
      await audit({ action: 'login', objectType: 'user', objectName: body.username, outcome: 'denied', error: 'wrong user name or password' });
      throw new VireoError('Wrong user name or password.', { status: 401 });
    }
    for (const k of keys) await limiter.reset(k);
    const s = await createSession(user.id, { ip, userAgent: req.headers.get('user-agent') });
    await audit({ action: 'login', objectType: 'user', objectName: user.username, outcome: 'ok', actor: user });
    const headers = new Headers({ 'cache-control': 'no-store' });
    for (const c of sessionCookies(req, s.token, s.csrfToken, s.expiresAt)) headers.append('set-cookie', c);
    return Response.json({ ok: true, user: { username: user.username, role: user.role } }, { headers });
  },
});
