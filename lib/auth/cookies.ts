import { CSRF_COOKIE, SESSION_COOKIE } from './session';

// Secure whenever the browser reached us over TLS, directly or via a trusted proxy. Next builds the request URL's
// scheme from X-Forwarded-Proto, which the server removes unless VIREO_TRUST_PROXY is on (server/request-guard).
export function isSecureRequest(req: Request): boolean {
  return new URL(req.url).protocol === 'https:';
}

function cookie(name: string, value: string, opts: { httpOnly: boolean; secure: boolean; maxAge: number }): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    `Max-Age=${opts.maxAge}`,
    'SameSite=Strict',
    opts.httpOnly ? 'HttpOnly' : '',
    opts.secure ? 'Secure' : '',
  ]
    .filter(Boolean)
    .join('; ');
}

export function sessionCookies(req: Request, token: string, csrfToken: string, expiresAt: Date): string[] {
  const secure = isSecureRequest(req);
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return [cookie(SESSION_COOKIE, token, { httpOnly: true, secure, maxAge }), cookie(CSRF_COOKIE, csrfToken, { httpOnly: false, secure, maxAge })];
}

export function clearedCookies(req: Request): string[] {
  const secure = isSecureRequest(req);
  return [cookie(SESSION_COOKIE, '', { httpOnly: true, secure, maxAge: 0 }), cookie(CSRF_COOKIE, '', { httpOnly: false, secure, maxAge: 0 })];
}
