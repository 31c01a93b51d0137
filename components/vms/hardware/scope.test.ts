import { describe, expect, it } from 'vitest';
import { liveBlocked, scopeQuery, SHUT_OFF_REASON, toScope } from './scope';

describe('where a hardware change applies', () => {
  it('turns the choice into the two halves the API takes, as body or query', () => {
    expect(toScope('live')).toEqual({ live: true, persistent: false });
    expect(toScope('persistent')).toEqual({ live: false, persistent: true });
    expect(toScope('both')).toEqual({ live: true, persistent: true });
    expect(scopeQuery('both')).toBe('?live=1&persistent=1');
    expect(scopeQuery('persistent')).toBe('?live=0&persistent=1');
  });

  it('says why live is not offered: the setting is next-boot only, or the VM is shut off', () => {
    expect(liveBlocked(true)).toBeNull();
    expect(liveBlocked(false)).toBe(SHUT_OFF_REASON);
    expect(liveBlocked(true, 'Only at next boot.')).toBe('Only at next boot.');
    expect(liveBlocked(false, 'Only at next boot.')).toBe('Only at next boot.');
  });
});
