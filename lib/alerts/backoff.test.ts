import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, retryable, retryDelay } from './backoff';

describe('delivery backoff', () => {
  it('doubles from the base up to the cap', () => {
    const none = () => 0;
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, DEFAULT_BACKOFF, none))).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(retryDelay(20, DEFAULT_BACKOFF, none)).toBe(300_000);
    expect(retryDelay(3, { baseMs: 50, maxMs: 1000, attempts: 4 }, none)).toBe(200);
  });

  it('adds at most a quarter of jitter', () => {
    expect(retryDelay(1, DEFAULT_BACKOFF, () => 0.999)).toBeLessThanOrEqual(1250);
    expect(retryDelay(1, DEFAULT_BACKOFF, () => 0.5)).toBe(1125);
  });

  it('retries no answer, server errors, 408 and 429, but not other refusals', () => {
    expect([null, 500, 502, 503, 408, 429].every(retryable)).toBe(true);
    expect([400, 401, 403, 404, 410, 422].some(retryable)).toBe(false);
  });
});
