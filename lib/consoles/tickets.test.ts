import { describe, expect, it } from 'vitest';
import { memoryTicketRows } from '@/test/support/memory-ticket-rows';
import { TicketStore, type TicketGrant } from './tickets';

const grant: TicketGrant = { kind: 'serial', userId: 'u1', username: 'ann', sessionId: 's1', vm: { name: 'web', uuid: '0000' } };
const ann = { userId: 'u1', sessionId: 's1' };

describe('TicketStore', () => {
  it('redeems a fresh ticket once, for its user and session', async () => {
    const store = new TicketStore(memoryTicketRows());
    const { ticket } = await store.issue(grant);
    const got = await store.redeem(ticket, 'serial', ann);
    expect(typeof got === 'object' && got.vm?.name).toBe('web');
    expect(await store.redeem(ticket, 'serial', ann)).toBe('unknown');
  });

  it('refuses another session or user, and burns the ticket doing so', async () => {
    const store = new TicketStore(memoryTicketRows());
    const a = (await store.issue(grant)).ticket;
    expect(await store.redeem(a, 'serial', { userId: 'u1', sessionId: 's2' })).toBe('wrong-session');
    expect(await store.redeem(a, 'serial', ann)).toBe('unknown');
    const b = (await store.issue(grant)).ticket;
    expect(await store.redeem(b, 'serial', { userId: 'u2', sessionId: 's1' })).toBe('wrong-session');
  });

  it('refuses a ticket for another kind of console', async () => {
    const store = new TicketStore(memoryTicketRows());
    expect(await store.redeem((await store.issue(grant)).ticket, 'vnc', ann)).toBe('wrong-kind');
  });

  it('expires tickets after the time to live', async () => {
    let now = 1000;
    const store = new TicketStore(memoryTicketRows(), 5000, () => now);
    const { ticket, expiresAt } = await store.issue(grant);
    expect(expiresAt).toBe(6000);
    now = 6000;
    expect(await store.redeem(ticket, 'serial', ann)).toBe('expired');
  });

  it('forgets expired tickets when new ones are issued', async () => {
    let now = 0;
    const rows = memoryTicketRows();
    const store = new TicketStore(rows, 10, () => now);
    await store.issue(grant);
    await store.issue(grant);
    now = 20;
    await store.issue(grant);
    expect(rows.size).toBe(1);
  });

  it('answers unknown for missing, absurd or made-up tickets', async () => {
    const store = new TicketStore(memoryTicketRows());
    await store.issue(grant);
    expect(await store.redeem(undefined, 'serial', ann)).toBe('unknown');
    expect(await store.redeem('x'.repeat(500), 'serial', ann)).toBe('unknown');
    expect(await store.redeem('guessed-ticket', 'serial', ann)).toBe('unknown');
  });
});
