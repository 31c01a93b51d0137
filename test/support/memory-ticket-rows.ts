import type { Ticket, TicketRows } from '@/lib/consoles/tickets';

// Console tickets kept in a Map, for unit tests of the ticket rules and of the upgrade check (the database rows of
// lib/consoles/ticket-rows.ts are tested in the integration tiers).
export function memoryTicketRows(): TicketRows & { readonly size: number } {
  const rows = new Map<string, Ticket>();
  return {
    insert(key, ticket) {
      rows.set(key, ticket);
      return Promise.resolve();
    },
    take(key) {
      const t = rows.get(key) ?? null;
      rows.delete(key);
      return Promise.resolve(t);
    },
    sweep(now) {
      for (const [k, t] of rows) if (t.expiresAt <= now) rows.delete(k);
      return Promise.resolve();
    },
    get size() {
      return rows.size;
    },
  };
}
