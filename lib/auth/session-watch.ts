import 'server-only';
import { EventEmitter } from 'node:events';
import { db } from '@/lib/db/client';
import { processSingleton } from '@/lib/process/singleton';

// Long-lived connections (console WebSockets, the live event stream) outlive the request that opened them, so a
// session that ends must reach them: sign-out, revocation, a user disabled, deleted or given another role
// announce it here and every connection of that session or user closes at once; expiry is caught by a timer at
// the session's expiry; and a slow poll notices sessions another Vireo server removed.

export type SessionEndReason = 'signed-out' | 'expired' | 'revoked' | 'user-changed';

const SAFETY_POLL_MS = 15_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

function bus(): EventEmitter {
  return processSingleton('auth.session-bus', () => new EventEmitter().setMaxListeners(0));
}

export function announceSessionEnded(sessionId: string, reason: SessionEndReason): void {
  bus().emit(`session:${sessionId}`, reason);
}

/** The user's role, state or existence changed: their live connections close (pages reconnect as they are now). */
export function announceUserChanged(userId: string, reason: SessionEndReason = 'user-changed'): void {
  bus().emit(`user:${userId}`, reason);
}

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
    const row = await db()
      .session.findUnique({ where: { id: sessionId }, select: { userId: true, expiresAt: true } })
      .catch(() => undefined);
    if (row === undefined) return schedule(SAFETY_POLL_MS); // database trouble: try again later, keep the connection
    if (!row || row.expiresAt.getTime() <= Date.now()) return end(row ? 'expired' : 'revoked');
    if (!userKey) {
      userKey = `user:${row.userId}`;
      bus().on(userKey, onUser);
    }
    schedule(Math.min(row.expiresAt.getTime() - Date.now() + 50, SAFETY_POLL_MS));
  };
  const stop = () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    bus().off(`session:${sessionId}`, onSession);
    if (userKey) bus().off(userKey, onUser);
  };
  bus().on(`session:${sessionId}`, onSession);
  void check();
  return stop;
}
