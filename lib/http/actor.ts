import 'server-only';
import { CSRF_HEADER, SESSION_COOKIE, csrfTokenMatches, findSession, type SessionUser } from '@/lib/auth/session';
import { ForbiddenError, VireoError } from '@/lib/errors';
import { clientIp } from './client-ip';
import { readCookie } from './cookies';

/** Who is asking: the signed-in user, their session and the address the request came from. */
export interface Actor extends SessionUser {
  sessionId: string;
  ip: string | null;
}

export class UnauthorizedError extends VireoError {
  override name = 'UnauthorizedError';
  constructor() {
    super('You are not signed in, or your session has expired.', {}, 401);
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE.has(method);
}

/**
 * The session behind the request, and the CSRF token on anything that changes state (the cookie alone is not
 * proof the user meant it). Throws UnauthorizedError / ForbiddenError.
 */
export async function requireActor(req: Request): Promise<Actor> {
  const session = await findSession(readCookie(req.headers, SESSION_COOKIE));
  if (!session) throw new UnauthorizedError();
  if (!isSafeMethod(req.method)) {
    if (!csrfTokenMatches(session, req.headers.get(CSRF_HEADER))) {
      throw new ForbiddenError('This request is missing its security token. Reload the page and try again.');
    }
  }
  return { ...session.user, sessionId: session.id, ip: clientIp(req.headers) };
}
