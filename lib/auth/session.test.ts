import { describe, expect, it } from 'vitest';
import { csrfTokenMatches, sessionOver, slidExpiry } from './session';
import { sha256 } from './tokens';

// The session rules that need no database: the hashed double-submit check and the two lifetimes.

const HOUR = 3_600_000;

describe('csrfTokenMatches', () => {
  const session = { csrfHash: sha256('the-token') };

  it('accepts the token the cookie holds, checked against its hash', () => {
    expect(csrfTokenMatches(session, 'the-token')).toBe(true);
  });

  it('refuses anything else, the stored hash itself included (a leaked row is no CSRF token)', () => {
    for (const sent of [null, undefined, '', 'the-token ', 'other', sha256('the-token')]) expect(csrfTokenMatches(session, sent)).toBe(false);
  });
});

describe('session lifetimes', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');

  it('slides the idle expiry on use, but never past the absolute end', () => {
    expect(slidExpiry(now, new Date(now + 24 * HOUR), 12).getTime()).toBe(now + 12 * HOUR);
    expect(slidExpiry(now, new Date(now + 2 * HOUR), 12).getTime()).toBe(now + 2 * HOUR);
  });

  it('is over when idle too long or past its absolute end, however recently used', () => {
    expect(sessionOver({ expiresAt: new Date(now + HOUR), absoluteExpiresAt: new Date(now + 2 * HOUR) }, now)).toBe(false);
    expect(sessionOver({ expiresAt: new Date(now - 1), absoluteExpiresAt: new Date(now + 2 * HOUR) }, now)).toBe(true);
    expect(sessionOver({ expiresAt: new Date(now + HOUR), absoluteExpiresAt: new Date(now) }, now)).toBe(true);
  });
});
