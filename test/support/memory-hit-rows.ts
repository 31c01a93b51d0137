import type { HitRows } from '@/lib/auth/rate-limit';

// Rate-limit failures kept in a Map, for unit tests of the limiter's arithmetic (the database rows of
// lib/auth/rate-limit-rows.ts are tested in the integration tiers).
export function memoryHitRows(): HitRows {
  const hits = new Map<string, number[]>();
  return {
    add(key, at) {
      hits.set(key, [...(hits.get(key) ?? []), at]);
      return Promise.resolve();
    },
    recent(key, since, limit) {
      const times = (hits.get(key) ?? []).filter((t) => t >= since).sort((a, b) => b - a);
      return Promise.resolve(times.slice(0, limit));
    },
    clear(key) {
      hits.delete(key);
      return Promise.resolve();
    },
    prune(before) {
      for (const [k, times] of hits)
        hits.set(
          k,
          times.filter((t) => t >= before),
        );
      return Promise.resolve();
    },
  };
}
