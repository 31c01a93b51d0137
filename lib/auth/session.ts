import 'server-only';
import { db } from '@/lib/db/client';
import { loadSettings } from '@/lib/config/settings';
import { announceSessionEnded } from './session-watch';
import { newToken, sha256 } from './tokens';

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
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

const TOUCH_EVERY_MS = 60_000;

export async function createSession(userId: string, meta: { ip?: string | null; userAgent?: string | null }) {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + loadSettings().sessionHours * 3_600_000);
  await db().session.create({
    data: { id: sha256(token), userId, csrfToken, expiresAt, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null },
  });
  return { token, csrfToken, expiresAt };
}

/** The session a cookie token names, or null when unknown or expired. Idle sessions expire; use slides it. */
export async function findSession(token: string | undefined | null): Promise<ActiveSession | null> {
  if (!token || token.length > 100) return null;
  const id = sha256(token);
  const row = await db().session.findUnique({ where: { id }, include: { user: true } });
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now) {
    await db().session.deleteMany({ where: { id } });
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const expiresAt = new Date(now + loadSettings().sessionHours * 3_600_000);
    await db().session.update({ where: { id }, data: { lastSeenAt: new Date(now), expiresAt } }).catch(() => undefined);
  }
  return {
    id,
    csrfToken: row.csrfToken,
    expiresAt: row.expiresAt,
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
  const { count } = await db().session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}
