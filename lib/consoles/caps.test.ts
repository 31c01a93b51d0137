import { describe, expect, it } from 'vitest';
import { SessionCaps } from './caps';

describe('SessionCaps', () => {
  it('allows up to the cap per user and frees a slot on release', () => {
    const caps = new SessionCaps(2);
    const a = caps.tryAcquire('ann')!;
    caps.tryAcquire('ann');
    expect(caps.tryAcquire('ann')).toBeNull();
    expect(caps.tryAcquire('bob')).not.toBeNull();
    a();
    a();
    expect(caps.count('ann')).toBe(1);
    expect(caps.tryAcquire('ann')).not.toBeNull();
  });
});
