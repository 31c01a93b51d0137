import { describe, expect, it } from 'vitest';
import { TicketStore, type TicketGrant } from './tickets';

const grant: TicketGrant = { kind: 'serial', userId: 'u1', username: 'ann', sessionId: 's1', vm: { name: 'web', uuid: '0000' } };
const ann = { userId: 'u1', sessionId: 's1' };

describe('TicketStore', () => {
  it('redeems a fresh ticket once, for its user and session', () => {
    const store = new TicketStore();
    const { ticket } = store.issue(grant);
    const got = store.redeem(ticket, 'serial', ann);
    expect(typeof got === 'object' && got.vm?.name).toBe('web');
    expect(store.redeem(ticket, 'serial', ann)).toBe('unknown');
  });

  it('refuses another session or user, and burns the ticket doing so', () => {
    const store = new TicketStore();
    const a = store.issue(grant).ticket;
    expect(store.redeem(a, 'serial', { userId: 'u1', sessionId: 's2' })).toBe('wrong-session');
    expect(store.redeem(a, 'serial', ann)).toBe('unknown');
    const b = store.issue(grant).ticket;
    expect(store.redeem(b, 'serial', { userId: 'u2', sessionId: 's1' })).toBe('wrong-session');
  });

  it('refuses a ticket for another kind of console', () => {
    const store = new TicketStore();
    expect(store.redeem(store.issue(grant).ticket, 'vnc', ann)).toBe('wrong-kind');
  });

  it('expires tickets after the time to live', () => {
    let now = 1000;
    const store = new TicketStore(5000, () => now);
    const { ticket, expiresAt } = store.issue(grant);
    expect(expiresAt).toBe(6000);
    now = 6000;
    expect(store.redeem(ticket, 'serial', ann)).toBe('expired');
  });

  it('forgets expired tickets when new ones are issued', () => {
    let now = 0;
    const store = new TicketStore(10, () => now);
    store.issue(grant);
    store.issue(grant);
    now = 20;
    store.issue(grant);
    expect(store.outstanding).toBe(1);
  });

  it('answers unknown for missing, absurd or made-up tickets', () => {
    const store = new TicketStore();
    store.issue(grant);
    expect(store.redeem(undefined, 'serial', ann)).toBe('unknown');
    expect(store.redeem('x'.repeat(500), 'serial', ann)).toBe('unknown');
    expect(store.redeem('guessed-ticket', 'serial', ann)).toBe('unknown');
  });
});
