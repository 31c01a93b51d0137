import { newToken, sha256 } from './tokens';
import { isRole, lowerRole, roleAtMost } from './roles';

// The rules of API tokens that need no database: what a secret looks like, what is stored of it, which roles a
// user may give a token, and whether a token still works.

/** Every secret starts with this, so a leaked one is recognisable (secret scanners, logs) and never a session. */
export const API_TOKEN_PREFIX = 'vireo_';
/** Characters of the secret kept in clear (prefix included), so a person can tell tokens apart. */
const SHOWN_CHARS = 12;
const MAX_TOKEN_LENGTH = 200;
export const MAX_TOKEN_NAME = 64;
/** The longest lifetime a token may be given; a token without an expiry lasts until it is revoked. */
export const MAX_TOKEN_DAYS = 3650;

export interface NewSecret {
  secret: string;
  /** What the database keeps: sha256 of the secret (it is 256 random bits, so no slow hash is needed). */
  hash: string;
  shown: string;
}

export function newApiTokenSecret(): NewSecret {
  const secret = `${API_TOKEN_PREFIX}${newToken(32)}`;
  return { secret, hash: hashApiToken(secret), shown: secret.slice(0, SHOWN_CHARS) };
}

export function hashApiToken(secret: string): string {
  return sha256(secret);
}

/** Whether a bearer credential is shaped like one of our secrets (anything else is refused without a lookup). */
export function looksLikeApiToken(value: string): boolean {
  return value.length <= MAX_TOKEN_LENGTH && value.startsWith(API_TOKEN_PREFIX) && /^[A-Za-z0-9_-]+$/.test(value);
}

/** The secret in an `Authorization: Bearer <secret>` header, or null when there is none. */
export function bearerOf(header: string | null): string | null {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

export type TokenState = 'active' | 'expired' | 'revoked';

export function tokenState(t: { expiresAt: Date | null; revokedAt: Date | null }, now: number): TokenState {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && t.expiresAt.getTime() <= now) return 'expired';
  return 'active';
}

/** A token acts with its own role, but never above what its user may do now (they may have been demoted since). */
export function tokenRole(tokenRoleName: string, userRole: string): string {
  return lowerRole(tokenRoleName, userRole);
}

/** Per-field problems with a new token's settings; empty when it may be made. */
export function newTokenProblems(input: { name: string; role: string; expiresAt: Date | null }, userRole: string, now: number): Record<string, string> {
  const problems: Record<string, string> = {};
  const name = input.name.trim();
  if (!name) problems.name = 'Give the token a name that says what uses it (e.g. "prometheus").';
  else if (name.length > MAX_TOKEN_NAME) problems.name = `The name is too long (at most ${MAX_TOKEN_NAME} characters).`;
  // eslint-disable-next-line no-control-regex -- refusing those characters is the point
  else if (/[\u0000-\u001f\u007f]/.test(name)) problems.name = 'The name cannot contain control characters.';
  if (!isRole(input.role)) problems.role = 'Choose admin, operator or viewer.';
  else if (!roleAtMost(input.role, userRole)) problems.role = `A token cannot have more rights than you: your role is ${userRole}.`;
  if (input.expiresAt) {
    const at = input.expiresAt.getTime();
    if (!Number.isFinite(at)) problems.expiresAt = 'The expiry is not a date.';
    else if (at <= now) problems.expiresAt = 'The expiry must be in the future.';
    else if (at > now + MAX_TOKEN_DAYS * 86_400_000) problems.expiresAt = `The expiry must be within ${MAX_TOKEN_DAYS} days.`;
  }
  return problems;
}
