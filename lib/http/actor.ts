import 'server-only';
import { bearerOf } from '@/lib/auth/api-token-rules';
import { findApiToken, tokenSessionId } from '@/lib/auth/api-tokens';
import { CSRF_HEADER, SESSION_COOKIE, csrfTokenMatches, findSession, type SessionUser } from '@/lib/auth/session';
import { ForbiddenError, VireoError } from '@/lib/errors';
import type { JobActor } from '@/lib/jobs/runner';
import { clientIp } from './client-ip';
import { readCookie } from './cookies';

/** Who is asking: the signed-in user, their session and the address the request came from. */
export interface Actor extends SessionUser {
  /** The session; for a token, "token:<id>" (live streams watch either, lib/auth/session-watch.ts). */
  sessionId: string;
  ip: string | null;
  /** Set when the request came with an API token instead of a session: `role` is then the token's (capped). */
  via?: { tokenId: string; tokenName: string };
}

export class UnauthorizedError extends VireoError {
  override name = 'UnauthorizedError';
  constructor(message = 'You are not signed in, or your session has expired.') {
    super(message, {}, 401);
  }
}

/** The actor as a job started by the request records it (its rows and audit entries name a token it came with). */
export function jobActor(actor: Actor): JobActor {
  return { id: actor.id, username: actor.username, ip: actor.ip, via: actor.via ?? null };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE.has(method);
}

/**
 * The API token of an `Authorization: Bearer` header, or else the session behind the request and the CSRF token on
 * anything that changes state (the cookie alone is not proof the user meant it). A token needs no CSRF token: a
 * browser never adds that header by itself, so a request carrying it was written by whoever holds the secret.
 * Throws UnauthorizedError / ForbiddenError.
 */
export async function requireActor(req: Request): Promise<Actor> {
  const bearer = bearerOf(req.headers.get('authorization'));
  if (bearer !== null) {
    const found = await findApiToken(bearer);
    if (!found) throw new UnauthorizedError('The API token is not valid: it is unknown, revoked or expired, or its user is disabled.');
    return { ...found.user, sessionId: tokenSessionId(found.tokenId), ip: clientIp(req.headers), via: { tokenId: found.tokenId, tokenName: found.tokenName } };
  }
  const session = await findSession(readCookie(req.headers, SESSION_COOKIE));
  if (!session) throw new UnauthorizedError();
  if (!isSafeMethod(req.method)) {
    if (!csrfTokenMatches(session, req.headers.get(CSRF_HEADER))) {
      throw new ForbiddenError('This request is missing its security token. Reload the page and try again.');
    }
  }
  return { ...session.user, sessionId: session.id, ip: clientIp(req.headers) };
}
