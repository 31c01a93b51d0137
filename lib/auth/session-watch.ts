import 'server-only';
import { db } from '@/lib/db/client';
import { liveApiToken } from './api-tokens';
import { sessionOver } from './session';
import { sessionBus, sessionEvent, userEvent, type SessionEndReason } from './session-events';

// Long-lived connections (console WebSockets, the live event stream) outlive the request that opened them, so a
// session that ends must reach them: sign-out, revocation, a user disabled, deleted or given another role
// announce it here and every connection of that session or user closes at once; expiry is caught by a timer at
// the session's expiry; and a slow poll notices sessions another Vireo server removed.

export type { SessionEndReason } from './session-events';

const SAFETY_POLL_MS = 15_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Calls `onEnd` once when the session ends for any reason; returns the function that stops watching. */
export function watchSession(sessionId: string, onEnd: (reason: SessionEndReason) => void): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let userKey: string | null = null;
  const end = (reason: SessionEndReason) => {
    if (stopped) return;
    stop();
    onEnd(reason);
  };
  const onSession = (reason: SessionEndReason) => end(reason);
  const onUser = (reason: SessionEndReason) => end(reason);
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(check, Math.max(0, Math.min(ms, MAX_TIMER_MS)));
    timer.unref();
  };
  // Re-reads the session: gone or past its expiry ends it; otherwise wait for its expiry or the next safety poll.
  const check = async () => {
    const row = await lookup(sessionId).catch(() => undefined);
    if (row === undefined) return schedule(SAFETY_POLL_MS); // database trouble: try again later, keep the connection
    if (row === null || row.endsAt <= Date.now()) return end(row ? 'expired' : 'revoked');
    if (!userKey) {
      userKey = userEvent(row.userId);
      sessionBus().on(userKey, onUser);
    }
    schedule(Math.min(row.endsAt - Date.now() + 50, SAFETY_POLL_MS));
  };
  const stop = () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    sessionBus().off(sessionEvent(sessionId), onSession);
    if (userKey) sessionBus().off(userKey, onUser);
  };
  sessionBus().on(sessionEvent(sessionId), onSession);
  void check();
  return stop;
}

/** The session (or API token, "token:<id>") behind a connection: its user and when it ends; null when it has. */
async function lookup(sessionId: string): Promise<{ userId: string; endsAt: number } | null> {
  if (sessionId.startsWith('token:')) {
    const token = await liveApiToken(sessionId.slice('token:'.length));
    return token ? { userId: token.userId, endsAt: token.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY } : null;
  }
  const row = await db().session.findUnique({ where: { id: sessionId }, select: { userId: true, expiresAt: true, absoluteExpiresAt: true } });
  if (!row) return null;
  return { userId: row.userId, endsAt: sessionOver(row, Date.now()) ? 0 : Math.min(row.expiresAt.getTime(), row.absoluteExpiresAt.getTime()) };
}
