import { clearedCookies } from '@/lib/auth/cookies';
import { SESSION_COOKIE, deleteSession } from '@/lib/auth/session';
import { readCookie } from '@/lib/http/cookies';
import { defineRoute } from '@/lib/http/route';

export const POST = defineRoute({
  summary: 'Sign out: ends the session and clears its cookies',
  access: 'signed-in',
  run: async ({ req, actor, audit }) => {
    await deleteSession(readCookie(req.headers, SESSION_COOKIE));
    await audit({ action: 'logout', objectType: 'user', objectName: actor.username, outcome: 'ok' });
    const headers = new Headers({ 'cache-control': 'no-store' });
    for (const c of clearedCookies(req)) headers.append('set-cookie', c);
    return Response.json({ ok: true }, { headers });
  },
});
