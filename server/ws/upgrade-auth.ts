import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { can, type Permission } from '@/lib/auth/roles';
import { SESSION_COOKIE, findSession } from '@/lib/auth/session';
import { recordAudit } from '@/lib/audit/log';
import { readCookie } from '@/lib/http/cookies';
import { CLIENT_IP_HEADER } from '@/lib/http/client-ip';
import { consoleTickets } from '@/lib/consoles/ticket-rows';
import type { ConsoleKind, Ticket } from '@/lib/consoles/tickets';
import { sameOriginUpgrade } from '../upgrades';

// Every console upgrade passes here before a WebSocket exists: an Origin naming this host (browsers always
// send one; its absence means a non-browser client, refused too), a live session cookie, a ticket issued to
// that very session for this kind of console, and a role that still allows it.

export interface Admitted {
  ticket: Ticket;
  ip: string | null;
}

export interface Refusal {
  status: 401 | 403 | 404 | 429 | 503;
  reason: string;
}

const permissionFor: Record<ConsoleKind, Permission> = { serial: 'vm.console', vnc: 'vm.console', host: 'host.terminal' };

export async function admitUpgrade(req: IncomingMessage, kind: ConsoleKind): Promise<Admitted | Refusal> {
  if (!req.headers.origin || !sameOriginUpgrade(req)) return { status: 403, reason: 'origin' };
  const token = readCookie(new Headers({ cookie: req.headers.cookie ?? '' }), SESSION_COOKIE);
  const session = await findSession(token);
  if (!session) return { status: 401, reason: 'no session' };
  const ip = (req.headers[CLIENT_IP_HEADER] as string | undefined) ?? null;
  const presented = new URL(req.url ?? '/', 'http://x').searchParams.get('ticket');
  const ticket = await consoleTickets().redeem(presented, kind, { userId: session.user.id, sessionId: session.id });
  if (typeof ticket === 'string') return { status: 403, reason: `ticket ${ticket}` };
  // The role is checked again: it may have changed in the seconds since the ticket was issued.
  if (!can(session.user.role, permissionFor[kind])) {
    await recordAudit({
      actor: session.user,
      action: `console.${kind}`,
      objectType: kind === 'host' ? 'host' : 'vm',
      objectName: ticket.vm?.name ?? '-',
      outcome: 'denied',
      error: `role ${session.user.role} lacks ${permissionFor[kind]}`,
      ip,
      host: ticket.host,
    }).catch(() => undefined);
    return { status: 403, reason: 'role' };
  }
  return { ticket, ip };
}

const statusText: Record<Refusal['status'], string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

export function refuse(socket: Duplex, refusal: Refusal): void {
  socket.end(`HTTP/1.1 ${refusal.status} ${statusText[refusal.status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
