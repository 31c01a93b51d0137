import { newToken, sha256 } from '@/lib/auth/tokens';

// Console tickets: what a page trades for one WebSocket upgrade. A ticket is random (never derived from a VM
// name or UUID), lives a few seconds, works once, and only for the user and session that asked for it, so a
// leaked or guessed console URL opens nothing. Tickets are rows in the database: the server that answered the
// page issues one, whichever server the WebSocket reaches redeems it, and only one redemption can take the row
// (ticket-rows.ts; consoleTickets() there is the store in use).

export type ConsoleKind = 'serial' | 'vnc' | 'host';

export interface TicketGrant {
  kind: ConsoleKind;
  userId: string;
  username: string;
  /** The server-side session id (sha256 of the cookie token). */
  sessionId: string;
  /** The VM (name and UUID) for serial/vnc; null for the host terminal. */
  vm: { name: string; uuid: string } | null;
  /** Serial only: the console device alias, null for the VM's first console. */
  device?: string | null;
  /** The host (Host.id) the VM is on; the local host when absent. */
  host?: string;
}

export interface Ticket extends TicketGrant {
  expiresAt: number;
}

/** Where tickets are kept, keyed by the token's hash (a dump of the store hands out no usable ticket). */
export interface TicketRows {
  insert(key: string, ticket: Ticket): Promise<void>;
  /** Removes the ticket and returns it; of several takers of one key at once, exactly one gets it. */
  take(key: string): Promise<Ticket | null>;
  /** Forgets tickets that expired before `now`. */
  sweep(now: number): Promise<void>;
}

export const TICKET_TTL_MS = 15_000;

export type RedeemFailure = 'unknown' | 'expired' | 'wrong-session' | 'wrong-kind';

export class TicketStore {
  constructor(
    private readonly rows: TicketRows,
    private readonly ttlMs = TICKET_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async issue(grant: TicketGrant): Promise<{ ticket: string; expiresAt: number }> {
    const now = this.now();
    await this.rows.sweep(now);
    const ticket = newToken(32);
    const expiresAt = now + this.ttlMs;
    await this.rows.insert(sha256(ticket), { ...grant, device: grant.device ?? null, expiresAt });
    return { ticket, expiresAt };
  }

  /** Takes the ticket out (whatever the outcome: a failed try burns it too) and checks who presents it. */
  async redeem(ticket: string | null | undefined, kind: ConsoleKind, who: { userId: string; sessionId: string }): Promise<Ticket | RedeemFailure> {
    if (!ticket || ticket.length > 100) return 'unknown';
    const found = await this.rows.take(sha256(ticket));
    if (!found) return 'unknown';
    if (found.expiresAt <= this.now()) return 'expired';
    if (found.userId !== who.userId || found.sessionId !== who.sessionId) return 'wrong-session';
    if (found.kind !== kind) return 'wrong-kind';
    return found;
  }
}
