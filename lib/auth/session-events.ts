import { EventEmitter } from 'node:events';
import { processSingleton } from '@/lib/process/singleton';
import { sessionBroadcast } from './session-broadcast';

// Where ended sessions and changed users are announced, for the connections watching them (session-watch.ts):
// on this server's bus, and on PostgreSQL to every other Vireo server too (session-broadcast.ts).

export type SessionEndReason = 'signed-out' | 'expired' | 'revoked' | 'user-changed';

const emitLocal = (key: string, reason: string) => void sessionBus().emit(key, reason);

export function sessionBus(): EventEmitter {
  return processSingleton('auth.session-bus', () => {
    const bus = new EventEmitter().setMaxListeners(0);
    // Listening starts with the bus: other servers' announcements reach this one's watchers from then on.
    queueMicrotask(() => startSessionBroadcast());
    return bus;
  });
}

/** Joins the other servers' announcements (PostgreSQL; nothing on SQLite); resolves once listening. */
export async function startSessionBroadcast(): Promise<void> {
  await sessionBroadcast(emitLocal)?.ready();
}

function announce(key: string, reason: SessionEndReason): void {
  emitLocal(key, reason);
  sessionBroadcast(emitLocal)?.publish(key, reason);
}

/** The bus event announcing the end of this session (or API token, "token:<id>"). */
export function sessionEvent(sessionId: string): string {
  return `session:${sessionId}`;
}

/** The bus event announcing a change of this user (role, state, existence). */
export function userEvent(userId: string): string {
  return `user:${userId}`;
}

export function announceSessionEnded(sessionId: string, reason: SessionEndReason): void {
  announce(sessionEvent(sessionId), reason);
}

/** The user's role, state or existence changed: their live connections close (pages reconnect as they are now). */
export function announceUserChanged(userId: string, reason: SessionEndReason = 'user-changed'): void {
  announce(userEvent(userId), reason);
}
