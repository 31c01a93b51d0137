// Failed attempts per key (client address, user name, ...) within a sliding window. The failures are rows in the
// database, so a limit holds across every Vireo server behind a load balancer (a guesser gains nothing by being
// spread over them) and across a restart (rate-limit-rows.ts; loginLimiter() there is the limiter in use).

export interface RateLimiter {
  /** Milliseconds until another attempt is allowed, or 0. */
  retryAfter(key: string, now?: number): Promise<number>;
  fail(key: string, now?: number): Promise<void>;
  reset(key: string): Promise<void>;
}

/** Where failures are kept. */
export interface HitRows {
  add(key: string, at: number): Promise<void>;
  /** The times of the key's newest `limit` failures at or after `since`, newest first. */
  recent(key: string, since: number, limit: number): Promise<number[]>;
  clear(key: string): Promise<void>;
  /** Forgets every failure older than `before`, whatever its key. */
  prune(before: number): Promise<void>;
}

export function createRateLimiter(maxFailures: number, windowMs: number, rows: HitRows): RateLimiter {
  return {
    async retryAfter(key, now = Date.now()) {
      const times = await rows.recent(key, now - windowMs + 1, maxFailures);
      if (times.length < maxFailures) return 0;
      return windowMs - (now - times[maxFailures - 1]!);
    },
    async fail(key, now = Date.now()) {
      await rows.add(key, now);
      await rows.prune(now - windowMs);
    },
    async reset(key) {
      await rows.clear(key);
    },
  };
}
