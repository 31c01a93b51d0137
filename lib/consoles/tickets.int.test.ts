import { describe, expect, it } from 'vitest';
import { databaseTicketRows } from './ticket-rows';
import { TicketStore } from './tickets';
import { createRateLimiter } from '@/lib/auth/rate-limit';
import { databaseHitRows } from '@/lib/auth/rate-limit-rows';
import { db } from '@/lib/db/client';
import { withTestDatabase } from '@/test/support/with-test-database';

// Console tickets and rate limits as database rows (SQLite here; the integration-pg tier runs this file on
// PostgreSQL): two stores stand for two Vireo servers on one database.

withTestDatabase();

const grant = { kind: 'serial' as const, userId: 'u1', username: 'ann', sessionId: 's1', vm: { name: 'web', uuid: '0000' }, device: 'serial0' };
const ann = { userId: 'u1', sessionId: 's1' };

describe('console tickets in the database', () => {
  it('are issued by one server and redeemed once by another, the grant intact', async () => {
    const a = new TicketStore(databaseTicketRows());
    const b = new TicketStore(databaseTicketRows());
    const { ticket } = await a.issue(grant);
    expect(await b.redeem(ticket, 'serial', ann)).toMatchObject({ ...grant });
    expect(await a.redeem(ticket, 'serial', ann)).toBe('unknown');
    expect(await db().consoleTicket.count()).toBe(0);
  });

  it('go to exactly one of several servers presenting the same ticket at once', async () => {
    const stores = Array.from({ length: 6 }, () => new TicketStore(databaseTicketRows()));
    for (let round = 0; round < 5; round++) {
      const { ticket } = await stores[0]!.issue(grant);
      const outcomes = await Promise.all(stores.map((s) => s.redeem(ticket, 'serial', ann)));
      expect(outcomes.filter((o) => typeof o === 'object')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'unknown')).toHaveLength(stores.length - 1);
    }
  });

  it('expire, and expired rows are swept when new tickets are issued', async () => {
    let now = Date.now();
    const store = new TicketStore(databaseTicketRows(), 1000, () => now);
    const old = (await store.issue(grant)).ticket;
    const late = (await store.issue(grant)).ticket;
    now += 5000;
    expect(await store.redeem(late, 'serial', ann)).toBe('expired');
    await store.issue(grant);
    expect(await db().consoleTicket.count()).toBe(1);
    expect(await store.redeem(old, 'serial', ann)).toBe('unknown');
    expect(JSON.stringify(await db().consoleTicket.findMany())).not.toContain(old);
  });
});

describe('rate limits in the database', () => {
  it('count failures made on any server against the same key', async () => {
    const a = createRateLimiter(3, 60_000, databaseHitRows());
    const b = createRateLimiter(3, 60_000, databaseHitRows());
    const t = Date.now();
    await a.fail('ip:192.0.2.1', t);
    await b.fail('ip:192.0.2.1', t + 10);
    expect(await a.retryAfter('ip:192.0.2.1', t + 20)).toBe(0);
    await a.fail('ip:192.0.2.1', t + 20);
    expect(await b.retryAfter('ip:192.0.2.1', t + 30)).toBe(60_000 - 30);
    expect(await b.retryAfter('ip:192.0.2.2', t + 30)).toBe(0);
    await b.reset('ip:192.0.2.1');
    expect(await a.retryAfter('ip:192.0.2.1', t + 40)).toBe(0);
  });

  it('forget failures older than the window', async () => {
    const rl = createRateLimiter(1, 1000, databaseHitRows());
    const t = Date.now();
    await rl.fail('user:old', t - 5000);
    await rl.fail('user:new', t);
    expect(await db().rateLimitHit.count({ where: { key: 'user:old' } })).toBe(0);
    expect(await rl.retryAfter('user:new', t + 1)).toBe(999);
  });
});
