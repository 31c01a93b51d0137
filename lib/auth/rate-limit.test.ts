import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('rate limiter', () => {
  it('blocks after N failures inside the window and frees up as they age out', () => {
    const rl = createRateLimiter(3, 1000);
    rl.fail('a', 0);
    rl.fail('a', 100);
    expect(rl.retryAfter('a', 200)).toBe(0);
    rl.fail('a', 200);
    expect(rl.retryAfter('a', 300)).toBe(700);
    expect(rl.retryAfter('b', 300)).toBe(0);
    expect(rl.retryAfter('a', 1001)).toBe(0);
  });
  it('forgets a key on reset', () => {
    const rl = createRateLimiter(1, 1000);
    rl.fail('a', 0);
    rl.reset('a');
    expect(rl.retryAfter('a', 1)).toBe(0);
  });
});
