import { CSRF_COOKIE, SESSION_COOKIE } from './session';

// Secure whenever the browser reached us over TLS (directly or via a proxy that says so).
export function isSecureRequest(req: Request): boolean {
  return new URL(req.url).protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
}

function cookie(name: string, value: string, opts: { httpOnly: boolean; secure: boolean; maxAge: number }): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    `Max-Age=${opts.maxAge}`,
    'SameSite=Strict',
    opts.httpOnly ? 'HttpOnly' : '',
    opts.secure ? 'Secure' : '',
  ].filter(Boolean).join('; ');
}

export function sessionCookies(req: Request, token: string, csrfToken: string, expiresAt: Date): string[] {
  const secure = isSecureRequest(req);
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return [
    cookie(SESSION_COOKIE, token, { httpOnly: true, secure, maxAge }),
    cookie(CSRF_COOKIE, csrfToken, { httpOnly: false, secure, maxAge }),
  ];
}

export function clearedCookies(req: Request): string[] {
  const secure = isSecureRequest(req);
  return [
    cookie(SESSION_COOKIE, '', { httpOnly: true, secure, maxAge: 0 }),
    cookie(CSRF_COOKIE, '', { httpOnly: false, secure, maxAge: 0 }),
  ];
}
