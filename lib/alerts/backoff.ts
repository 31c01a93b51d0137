// Retries of a failed delivery: exponential backoff (1 s, 2 s, 4 s, ... capped at 5 min) with up to a quarter of
// random jitter so many receivers failing together do not retry in lockstep. A receiver that refuses the request
// itself (4xx other than 408 and 429) is not retried: sending the same body again would be refused again.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Attempts in all, the first one included. */
  attempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, maxMs: 300_000, attempts: 6 };

/** The wait before attempt `attempt` + 1 (attempt counts from 1); `random` in [0, 1). */
export function retryDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const plain = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.round(plain * (1 + random() / 4));
}

/** Whether an answer (HTTP status, or null for no answer at all) is worth trying again. */
export function retryable(status: number | null): boolean {
  if (status === null) return true;
  return status >= 500 || status === 408 || status === 429;
}
