import { EventEmitter } from 'node:events';
import { processSingleton } from '@/lib/process/singleton';

// Where ended sessions and changed users are announced, for the connections watching them (session-watch.ts).

export type SessionEndReason = 'signed-out' | 'expired' | 'revoked' | 'user-changed';

export function sessionBus(): EventEmitter {
  return processSingleton('auth.session-bus', () => new EventEmitter().setMaxListeners(0));
}

export function announceSessionEnded(sessionId: string, reason: SessionEndReason): void {
  sessionBus().emit(`session:${sessionId}`, reason);
}

/** The user's role, state or existence changed: their live connections close (pages reconnect as they are now). */
export function announceUserChanged(userId: string, reason: SessionEndReason = 'user-changed'): void {
  sessionBus().emit(`user:${userId}`, reason);
}
