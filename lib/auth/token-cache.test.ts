import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { sessionEvent, userEvent } from './session-events';
import { tokenSessionId, VerifiedTokens, type TokenUser } from './token-cache';

const found: TokenUser = { tokenId: 't1', tokenName: 'prometheus', user: { id: 'u1', username: 'ada', role: 'viewer' } };

function cache(ttl = 5000) {
  const bus = new EventEmitter();
  let t = 1_000_000;
  const c = new VerifiedTokens(bus, ttl, () => t);
  return { bus, c, advance: (ms: number) => (t += ms), now: () => t };
}

describe('VerifiedTokens', () => {
  it('answers a remembered token until its time is up', () => {
    const { c, advance } = cache();
    c.remember('h', found, null);
    advance(4999);
    expect(c.get('h')).toEqual(found);
    advance(1);
    expect(c.get('h')).toBeNull();
    expect(c.size).toBe(0);
  });

  it('never outlives the token’s own expiry', () => {
    const { c, advance, now } = cache();
    c.remember('h', found, new Date(now() + 1000));
    advance(1000);
    expect(c.get('h')).toBeNull();
  });

  it('forgets at once a token announced revoked, or whose user changed, and stops listening', () => {
    const { bus, c } = cache();
    c.remember('h', found, null);
    bus.emit(sessionEvent(tokenSessionId('t1')), 'revoked');
    expect(c.get('h')).toBeNull();
    c.remember('h', found, null);
    bus.emit(userEvent('u1'), 'user-changed');
    expect(c.get('h')).toBeNull();
    expect(bus.eventNames()).toEqual([]);
  });

  it('drops stale entries of tokens not asked for again when another is remembered', () => {
    const { bus, c, advance } = cache();
    c.remember('old', found, null);
    advance(6000);
    c.remember('new', { ...found, tokenId: 't2' }, null);
    expect(c.size).toBe(1);
    expect(bus.listenerCount(sessionEvent(tokenSessionId('t1')))).toBe(0);
  });
});
