import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as SessionModule from '@/lib/auth/session';
import type { ActiveSession } from '@/lib/auth/session';
import { consoleTickets } from '@/lib/consoles/ticket-rows';
import type { TicketGrant } from '@/lib/consoles/tickets';
import { admitUpgrade, refuse } from './upgrade-auth';

// The database behind sessions and the audit log is replaced; tickets, roles, cookies and origins are the real code.
const sessions = vi.hoisted(() => new Map<string, ActiveSession>());
const audited = vi.hoisted(() => [] as unknown[]);
vi.mock('@/lib/auth/session', async (importOriginal) => ({
  ...(await importOriginal<typeof SessionModule>()),
  findSession: (token: string | undefined) => Promise.resolve((token && sessions.get(token)) || null),
}));
vi.mock('@/lib/consoles/ticket-rows', async () => {
  const { memoryTicketRows } = await import('@/test/support/memory-ticket-rows');
  const { TicketStore } = await import('@/lib/consoles/tickets');
  const store = new TicketStore(memoryTicketRows());
  return { consoleTickets: () => store };
});
vi.mock('@/lib/audit/log', () => ({ recordAudit: (entry: unknown) => Promise.resolve(void audited.push(entry)) }));

const HOST = 'vireo.lan:8443';
/** A session of an hour for `user`. */
const session = (id: string, user: ActiveSession['user']): ActiveSession => ({
  id,
  csrfHash: 'c',
  expiresAt: new Date(Date.now() + 3_600_000),
  absoluteExpiresAt: new Date(Date.now() + 3_600_000),
  user,
});
const alice = session('sess-alice', { id: 'u1', username: 'alice', role: 'operator' });
const vera = session('sess-vera', { id: 'u2', username: 'vera', role: 'viewer' });

function upgradeRequest(opts: { ticket?: string; cookie?: string; origin?: string | null; kind?: string }): IncomingMessage {
  const headers: Record<string, string> = { host: HOST, 'x-vireo-client-ip': '192.0.2.7' };
  if (opts.origin !== null) headers.origin = opts.origin ?? `https://${HOST}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  // Served over TLS, as the https Origin says: the origin check compares the scheme too.
  return {
    headers,
    socket: { encrypted: true },
    url: `/ws/consoles/${opts.kind ?? 'vnc'}${opts.ticket ? `?ticket=${opts.ticket}` : ''}`,
  } as unknown as IncomingMessage;
}

async function ticketFor(s: ActiveSession, grant: Partial<TicketGrant> = {}): Promise<string> {
  const issued = await consoleTickets().issue({
    kind: 'vnc',
    userId: s.user.id,
    username: s.user.username,
    sessionId: s.id,
    vm: { name: 'web-1', uuid: '00000000-0000-4000-8000-000000000001' },
    ...grant,
  });
  return issued.ticket;
}

describe('admitUpgrade', () => {
  beforeEach(() => {
    sessions.clear();
    sessions.set('tok-alice', alice);
    sessions.set('tok-vera', vera);
    audited.length = 0;
  });

  it('admits a live session presenting its own ticket for this kind, with the client address', async () => {
    const ticket = await ticketFor(alice);
    const admitted = await admitUpgrade(upgradeRequest({ ticket, cookie: 'vireo_session=tok-alice' }), 'vnc');
    expect(admitted).toMatchObject({ ip: '192.0.2.7', ticket: { userId: 'u1', kind: 'vnc', vm: { name: 'web-1' } } });
  });

  it('refuses a missing or foreign Origin before looking at anything else', async () => {
    const ticket = await ticketFor(alice);
    expect(await admitUpgrade(upgradeRequest({ ticket, cookie: 'vireo_session=tok-alice', origin: null }), 'vnc')).toEqual({ status: 403, reason: 'origin' });
    expect(await admitUpgrade(upgradeRequest({ ticket, cookie: 'vireo_session=tok-alice', origin: 'https://evil.example' }), 'vnc')).toEqual({
      status: 403,
      reason: 'origin',
    });
    // The ticket was not spent by those refusals.
    expect(await admitUpgrade(upgradeRequest({ ticket, cookie: 'vireo_session=tok-alice' }), 'vnc')).toHaveProperty('ticket');
  });

  it('refuses without a live session', async () => {
    const ticket = await ticketFor(alice);
    expect(await admitUpgrade(upgradeRequest({ ticket }), 'vnc')).toEqual({ status: 401, reason: 'no session' });
    expect(await admitUpgrade(upgradeRequest({ ticket, cookie: 'vireo_session=stale' }), 'vnc')).toEqual({ status: 401, reason: 'no session' });
  });

  it('refuses a missing, unknown, reused, foreign or other-kind ticket', async () => {
    const req = (ticket?: string) => upgradeRequest({ ticket, cookie: 'vireo_session=tok-alice' });
    expect(await admitUpgrade(req(), 'vnc')).toEqual({ status: 403, reason: 'ticket unknown' });
    expect(await admitUpgrade(req('made-up'), 'vnc')).toEqual({ status: 403, reason: 'ticket unknown' });
    const once = await ticketFor(alice);
    await admitUpgrade(req(once), 'vnc');
    expect(await admitUpgrade(req(once), 'vnc')).toEqual({ status: 403, reason: 'ticket unknown' });
    expect(await admitUpgrade(req(await ticketFor(vera)), 'vnc')).toEqual({ status: 403, reason: 'ticket wrong-session' });
    expect(await admitUpgrade(req(await ticketFor(alice, { kind: 'serial' })), 'vnc')).toEqual({ status: 403, reason: 'ticket wrong-kind' });
  });

  it('checks the role again and audits the refusal', async () => {
    const ticket = await ticketFor(vera);
    expect(await admitUpgrade(upgradeRequest({ ticket, cookie: 'vireo_session=tok-vera' }), 'vnc')).toEqual({ status: 403, reason: 'role' });
    expect(audited).toEqual([
      expect.objectContaining({
        action: 'console.vnc',
        objectType: 'vm',
        objectName: 'web-1',
        outcome: 'denied',
        error: 'role viewer lacks vm.console',
        ip: '192.0.2.7',
      }),
    ]);
  });

  it('lets only roles with host.terminal open the host shell', async () => {
    const hostTicket = (s: ActiveSession) => ticketFor(s, { kind: 'host', vm: null });
    const req = (ticket: string) => upgradeRequest({ ticket, cookie: 'vireo_session=tok-alice', kind: 'host' });
    expect(await admitUpgrade(req(await hostTicket(alice)), 'host')).toEqual({ status: 403, reason: 'role' });
    expect(audited).toEqual([expect.objectContaining({ action: 'console.host', objectType: 'host', objectName: '-' })]);
    sessions.set('tok-alice', { ...alice, user: { ...alice.user, role: 'admin' } });
    expect(await admitUpgrade(req(await hostTicket(alice)), 'host')).toHaveProperty('ticket.kind', 'host');
  });
});

describe('refuse', () => {
  it('answers with a bare HTTP status and closes', () => {
    const end = vi.fn();
    refuse({ end } as unknown as Duplex, { status: 429, reason: 'too many consoles' });
    expect(end).toHaveBeenCalledExactlyOnceWith('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
});
