import { describe, expect, it } from 'vitest';
import { bearerOf, hashApiToken, looksLikeApiToken, newApiTokenSecret, newTokenProblems, tokenRole, tokenState } from './api-token-rules';

const NOW = Date.parse('2026-12-10T12:00:00Z');
const DAY = 86_400_000;

describe('API token secrets', () => {
  it('are random, prefixed, shown by their first characters only and stored as a hash', () => {
    const a = newApiTokenSecret();
    const b = newApiTokenSecret();
    expect(a.secret).toMatch(/^vireo_[A-Za-z0-9_-]{43}$/);
    expect(a.secret).not.toBe(b.secret);
    expect(a.shown).toBe(a.secret.slice(0, 12));
    expect(a.hash).toBe(hashApiToken(a.secret));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.secret.slice(6));
  });

  it('are recognised by shape before any lookup', () => {
    expect(looksLikeApiToken(newApiTokenSecret().secret)).toBe(true);
    expect(looksLikeApiToken('abc')).toBe(false);
    expect(looksLikeApiToken(`vireo_${'a'.repeat(300)}`)).toBe(false);
    expect(looksLikeApiToken('vireo_a b')).toBe(false);
  });

  it('come from an Authorization: Bearer header only', () => {
    expect(bearerOf('Bearer vireo_x')).toBe('vireo_x');
    expect(bearerOf('bearer   vireo_x ')).toBe('vireo_x');
    expect(bearerOf('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerOf(null)).toBeNull();
  });
});

describe('API token state and role', () => {
  it('expires at its expiry and stays revoked', () => {
    expect(tokenState({ expiresAt: null, revokedAt: null }, NOW)).toBe('active');
    expect(tokenState({ expiresAt: new Date(NOW + 1), revokedAt: null }, NOW)).toBe('active');
    expect(tokenState({ expiresAt: new Date(NOW), revokedAt: null }, NOW)).toBe('expired');
    expect(tokenState({ expiresAt: new Date(NOW + DAY), revokedAt: new Date(NOW - 1) }, NOW)).toBe('revoked');
  });

  it("acts with the lower of its role and its user's role now", () => {
    expect(tokenRole('viewer', 'admin')).toBe('viewer');
    expect(tokenRole('admin', 'operator')).toBe('operator'); // the user was demoted after making it
    expect(tokenRole('operator', 'operator')).toBe('operator');
  });
});

describe('newTokenProblems', () => {
  const ok = { name: 'prometheus', role: 'viewer', expiresAt: null };
  it("accepts a named token with a role up to the user's and an expiry ahead", () => {
    expect(newTokenProblems(ok, 'viewer', NOW)).toEqual({});
    expect(newTokenProblems({ ...ok, role: 'admin', expiresAt: new Date(NOW + 30 * DAY) }, 'admin', NOW)).toEqual({});
  });

  it("caps the role at the user's own", () => {
    expect(newTokenProblems({ ...ok, role: 'operator' }, 'viewer', NOW).role).toMatch(/more rights than you: your role is viewer/);
    expect(newTokenProblems({ ...ok, role: 'admin' }, 'operator', NOW).role).toBeDefined();
    expect(newTokenProblems({ ...ok, role: 'root' }, 'admin', NOW).role).toMatch(/admin, operator or viewer/);
  });

  it('refuses an empty, long or control-character name and an expiry in the past or too far ahead', () => {
    expect(newTokenProblems({ ...ok, name: '  ' }, 'admin', NOW).name).toBeDefined();
    expect(newTokenProblems({ ...ok, name: 'x'.repeat(65) }, 'admin', NOW).name).toMatch(/too long/);
    expect(newTokenProblems({ ...ok, name: 'a\nb' }, 'admin', NOW).name).toMatch(/control/);
    expect(newTokenProblems({ ...ok, expiresAt: new Date(NOW - 1) }, 'admin', NOW).expiresAt).toMatch(/future/);
    expect(newTokenProblems({ ...ok, expiresAt: new Date(NOW + 3651 * DAY) }, 'admin', NOW).expiresAt).toMatch(/3650 days/);
  });
});
