import { processSingleton } from '@/lib/process/singleton';
// Failed logins per key (client address, and separately user name) within a sliding window. In memory: one
// server process serves the app, and a restart forgetting old failures is acceptable.

export interface RateLimiter {
  /** Milliseconds until another attempt is allowed, or 0. */
  retryAfter(key: string, now?: number): number;
  fail(key: string, now?: number): void;
  reset(key: string): void;
}

export function createRateLimiter(maxFailures: number, windowMs: number): RateLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < windowMs);
  return {
    retryAfter(key, now = Date.now()) {
      const times = recent(key, now);
      failures.set(key, times);
      if (times.length < maxFailures) return 0;
      return windowMs - (now - times[times.length - maxFailures]!);
    },
    fail(key, now = Date.now()) {
      const times = recent(key, now);
      times.push(now);
      failures.set(key, times);
      if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}

/** 5 failures per 5 minutes per key. */
export function loginLimiter(): RateLimiter {
  return processSingleton('auth.login-limiter', () => createRateLimiter(5, 5 * 60_000));
}
