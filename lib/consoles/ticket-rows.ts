import 'server-only';
import { db } from '@/lib/db/client';
import { processSingleton } from '@/lib/process/singleton';
import { TicketStore, type ConsoleKind, type Ticket, type TicketRows } from './tickets';

// Console tickets as rows of ConsoleTicket, shared by every Vireo server on the database. Redemption is a
// conditional delete: of two servers presented the same ticket at once, only the one whose delete removed the
// row may use what it read.

export function databaseTicketRows(): TicketRows {
  return {
    async insert(key, t) {
      await db().consoleTicket.create({
        data: {
          id: key,
          kind: t.kind,
          userId: t.userId,
          username: t.username,
          sessionId: t.sessionId,
          vmName: t.vm?.name ?? null,
          vmUuid: t.vm?.uuid ?? null,
          device: t.device ?? null,
          host: t.host ?? 'local',
          expiresAt: new Date(t.expiresAt),
        },
      });
    },
    async take(key) {
      const row = await db().consoleTicket.findUnique({ where: { id: key } });
      if (!row) return null;
      const { count } = await db().consoleTicket.deleteMany({ where: { id: key } });
      if (count !== 1) return null; // another server redeemed it between the read and the delete
      const ticket: Ticket = {
        kind: row.kind as ConsoleKind,
        userId: row.userId,
        username: row.username,
        sessionId: row.sessionId,
        vm: row.vmName && row.vmUuid ? { name: row.vmName, uuid: row.vmUuid } : null,
        device: row.device,
        host: row.host,
        expiresAt: row.expiresAt.getTime(),
      };
      return ticket;
    },
    async sweep(now) {
      await db().consoleTicket.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
    },
  };
}

// Route handlers (Next's bundle) issue and the WebSocket server (plain Node) redeems: one store per process.
export function consoleTickets(): TicketStore {
  return processSingleton('consoles.tickets', () => new TicketStore(databaseTicketRows()));
}
