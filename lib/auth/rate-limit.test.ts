import { describe, expect, it } from 'vitest';
import { memoryHitRows } from '@/test/support/memory-hit-rows';
import { createRateLimiter } from './rate-limit';

describe('rate limiter', () => {
  it('blocks after N failures inside the window and frees up as they age out', async () => {
    const rl = createRateLimiter(3, 1000, memoryHitRows());
    await rl.fail('a', 0);
    await rl.fail('a', 100);
    expect(await rl.retryAfter('a', 200)).toBe(0);
    await rl.fail('a', 200);
    expect(await rl.retryAfter('a', 300)).toBe(700);
    expect(await rl.retryAfter('b', 300)).toBe(0);
    expect(await rl.retryAfter('a', 1001)).toBe(0);
  });
  it('forgets a key on reset', async () => {
    const rl = createRateLimiter(1, 1000, memoryHitRows());
    await rl.fail('a', 0);
    await rl.reset('a');
    expect(await rl.retryAfter('a', 1)).toBe(0);
  });
});
