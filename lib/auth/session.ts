import 'server-only';
import { db } from '@/lib/db/client';
import { loadSettings } from '@/lib/config/settings';
import { announceSessionEnded } from './session-events';
import { newToken, sameSecret, sha256 } from './tokens';

export const SESSION_COOKIE = 'vireo_session';
/** Readable by page scripts, which echo it in the x-csrf-token header (double submit, checked against the session). */
export const CSRF_COOKIE = 'vireo_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionUser {
  id: string;
  username: string;
  role: string;
}

export interface ActiveSession {
  id: string;
  /** sha256 of the CSRF token; the token itself is only in the browser's cookie. */
  csrfHash: string;
  expiresAt: Date;
  absoluteExpiresAt: Date;
  user: SessionUser;
}

const TOUCH_EVERY_MS = 60_000;
const HOUR_MS = 3_600_000;

/** The double-submit check: what the header sends, hashed, against the hash the session keeps. */
export function csrfTokenMatches(session: Pick<ActiveSession, 'csrfHash'>, sent: string | null | undefined): boolean {
  return Boolean(sent) && sameSecret(sha256(sent!), session.csrfHash);
}

/** When a session used at `now` expires: the idle lifetime from now, never past its absolute end. */
export function slidExpiry(now: number, absoluteExpiresAt: Date, idleHours = loadSettings().sessionHours): Date {
  return new Date(Math.min(now + idleHours * HOUR_MS, absoluteExpiresAt.getTime()));
}

/** Whether a session row is over at `now`: idle too long, or past its absolute lifetime however busy. */
export function sessionOver(row: { expiresAt: Date; absoluteExpiresAt: Date }, now: number): boolean {
  return row.expiresAt.getTime() <= now || row.absoluteExpiresAt.getTime() <= now;
}

export async function createSession(userId: string, meta: { ip?: string | null; userAgent?: string | null }) {
  const token = newToken();
  const csrfToken = newToken();
  const now = Date.now();
  const absoluteExpiresAt = new Date(now + loadSettings().sessionMaxHours * HOUR_MS);
  const expiresAt = slidExpiry(now, absoluteExpiresAt);
  await db().session.create({
    data: {
      id: sha256(token),
      userId,
      csrfHash: sha256(csrfToken),
      createdAt: new Date(now),
      expiresAt,
      absoluteExpiresAt,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    },
  });
  return { token, csrfToken, expiresAt };
}

/** The session a cookie token names, or null when unknown or over (idle or absolute). Use slides the idle expiry. */
export async function findSession(token: string | undefined | null): Promise<ActiveSession | null> {
  if (!token || token.length > 100) return null;
  const id = sha256(token);
  const row = await db().session.findUnique({ where: { id }, include: { user: true } });
  if (!row) return null;
  const now = Date.now();
  // A disabled account has no sessions (they are deleted when it is disabled); this guards the moment in between.
  if (row.user.disabledAt) return null;
  if (sessionOver(row, now)) {
    await db().session.deleteMany({ where: { id } });
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const expiresAt = slidExpiry(now, row.absoluteExpiresAt);
    await db()
      .session.update({ where: { id }, data: { lastSeenAt: new Date(now), expiresAt } })
      .catch(() => undefined);
  }
  return {
    id,
    csrfHash: row.csrfHash,
    expiresAt: row.expiresAt,
    absoluteExpiresAt: row.absoluteExpiresAt,
    user: { id: row.user.id, username: row.user.username, role: row.user.role },
  };
}

export async function deleteSession(token: string | undefined | null): Promise<void> {
  if (!token) return;
  const id = sha256(token);
  await db().session.deleteMany({ where: { id } });
  announceSessionEnded(id, 'signed-out');
}

export async function deleteExpiredSessions(): Promise<number> {
  const now = new Date();
  const { count } = await db().session.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { absoluteExpiresAt: { lt: now } }] } });
  return count;
}
