import type { EventEmitter } from 'node:events';
import { processSingleton } from '@/lib/process/singleton';
import { sessionBus, sessionEvent, userEvent } from './session-events';

// Prometheus sends the same bearer token at every scrape: the token it names is remembered for a few seconds, so a
// scrape does not wait on the database. A token revoked, or whose user is disabled, demoted or deleted, is
// forgotten at once on the announcement of it (session-events.ts: on every server, when they share PostgreSQL);
// a change that is not announced is seen within TTL_MS. Nothing outlives the token's own expiry.

/** Who a bearer token acts as. */
export interface TokenUser {
  tokenId: string;
  tokenName: string;
  user: { id: string; username: string; role: string };
}

export const TOKEN_CACHE_TTL_MS = 5_000;

/** The id a token's requests carry where a session id is expected (live streams and this cache watch it). */
export function tokenSessionId(tokenId: string): string {
  return `token:${tokenId}`;
}

interface Entry {
  found: TokenUser;
  until: number;
  off: () => void;
}

export class VerifiedTokens {
  private readonly byHash = new Map<string, Entry>();

  constructor(
    private readonly bus: EventEmitter,
    private readonly ttlMs = TOKEN_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The token a secret's hash named when last verified, while that is fresh. */
  get(hash: string): TokenUser | null {
    const e = this.byHash.get(hash);
    if (!e) return null;
    if (this.now() < e.until) return e.found;
    this.forget(hash);
    return null;
  }

  /** Remembers a verified token until TTL_MS from now or its expiry, whichever is sooner. */
  remember(hash: string, found: TokenUser, expiresAt: Date | null): void {
    this.forget(hash);
    // Tokens used once and never again go here rather than on a timer of their own.
    for (const [h, e] of this.byHash) if (this.now() >= e.until) this.forget(h);
    const until = Math.min(this.now() + this.ttlMs, expiresAt?.getTime() ?? Number.POSITIVE_INFINITY);
    const events = [sessionEvent(tokenSessionId(found.tokenId)), userEvent(found.user.id)];
    const drop = () => this.forget(hash);
    for (const e of events) this.bus.on(e, drop);
    this.byHash.set(hash, { found, until, off: () => events.forEach((e) => this.bus.off(e, drop)) });
  }

  forget(hash: string): void {
    this.byHash.get(hash)?.off();
    this.byHash.delete(hash);
  }

  get size(): number {
    return this.byHash.size;
  }
}

/** This process's cache (route handlers and the custom server's fast path share it). */
export function verifiedTokens(): VerifiedTokens {
  return processSingleton('auth.verified-tokens', () => new VerifiedTokens(sessionBus()));
}
