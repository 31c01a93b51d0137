import { newToken, sha256 } from '@/lib/auth/tokens';
import { processSingleton } from '@/lib/process/singleton';

// Console tickets: what a page trades for one WebSocket upgrade. A ticket is random (never derived from a VM
// name or UUID), lives a few seconds, works once, and only for the user and session that asked for it, so a
// leaked or guessed console URL opens nothing.

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

export const TICKET_TTL_MS = 15_000;
const MAX_OUTSTANDING = 10_000;

export type RedeemFailure = 'unknown' | 'expired' | 'wrong-session' | 'wrong-kind';

export class TicketStore {
  // Keyed by the token's hash, so a heap dump does not hand out usable tickets.
  private readonly tickets = new Map<string, Ticket>();

  constructor(
    private readonly ttlMs = TICKET_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  issue(grant: TicketGrant): { ticket: string; expiresAt: number } {
    this.sweep();
    if (this.tickets.size >= MAX_OUTSTANDING) this.tickets.delete(this.tickets.keys().next().value!);
    const ticket = newToken(32);
    const expiresAt = this.now() + this.ttlMs;
    this.tickets.set(sha256(ticket), { ...grant, expiresAt });
    return { ticket, expiresAt };
  }

  /** Takes the ticket out (whatever the outcome: a failed try burns it too) and checks who presents it. */
  redeem(ticket: string | null | undefined, kind: ConsoleKind, who: { userId: string; sessionId: string }): Ticket | RedeemFailure {
    if (!ticket || ticket.length > 100) return 'unknown';
    const key = sha256(ticket);
    const found = this.tickets.get(key);
    if (!found) return 'unknown';
    this.tickets.delete(key);
    if (found.expiresAt <= this.now()) return 'expired';
    if (found.userId !== who.userId || found.sessionId !== who.sessionId) return 'wrong-session';
    if (found.kind !== kind) return 'wrong-kind';
    return found;
  }

  get outstanding(): number {
    return this.tickets.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [k, t] of this.tickets) if (t.expiresAt <= now) this.tickets.delete(k);
  }
}

// Route handlers (Next's bundle) issue and the WebSocket server (plain Node) redeems: one process, two module
// copies, one store.
export function consoleTickets(): TicketStore {
  return processSingleton('consoles.tickets', () => new TicketStore());
}
