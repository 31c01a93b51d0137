import 'server-only';
import { db } from '@/lib/db/client';
import { processSingleton } from '@/lib/process/singleton';
import { createRateLimiter, type HitRows, type RateLimiter } from './rate-limit';

// Rate-limit failures as RateLimitHit rows, shared by every Vireo server on the database.

export function databaseHitRows(): HitRows {
  return {
    async add(key, at) {
      await db().rateLimitHit.create({ data: { key, at: new Date(at) } });
    },
    async recent(key, since, limit) {
      const rows = await db().rateLimitHit.findMany({
        where: { key, at: { gte: new Date(since) } },
        orderBy: { at: 'desc' },
        take: limit,
        select: { at: true },
      });
      return rows.map((r) => r.at.getTime());
    },
    async clear(key) {
      await db().rateLimitHit.deleteMany({ where: { key } });
    },
    async prune(before) {
      await db().rateLimitHit.deleteMany({ where: { at: { lt: new Date(before) } } });
    },
  };
}

/** 5 failures per 5 minutes per key: sign-in, the setup code, the password typed again for the host terminal. */
export function loginLimiter(): RateLimiter {
  return processSingleton('auth.login-limiter', () => createRateLimiter(5, 5 * 60_000, databaseHitRows()));
}
