import 'server-only';
import { db } from '@/lib/db/client';

export type AuditOutcome = 'ok' | 'error' | 'denied';

export interface AuditActor {
  id?: string | null;
  username: string;
  /** Set when the user acted through an API token: recorded as "<user> via token <name>". */
  via?: { tokenName: string } | null;
}

/** The name an audit row shows for an actor. */
export function auditName(actor: AuditActor | null): string {
  if (!actor) return '(anonymous)';
  return actor.via ? `${actor.username} via token ${actor.via.tokenName}` : actor.username;
}

export interface AuditInput {
  actor: AuditActor | null;
  action: string;
  objectType: string;
  objectName: string;
  outcome: AuditOutcome;
  error?: string | null;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
  /** The libvirt host the change was about (Host.id); 'local' when not said. */
  host?: string;
}

export interface AuditRow {
  id: number;
  at: string;
  username: string;
  action: string;
  objectType: string;
  objectName: string;
  outcome: string;
  error: string | null;
  detail: string | null;
  ip: string | null;
  host: string;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export async function recordAudit(e: AuditInput): Promise<void> {
  await db().auditEntry.create({
    data: {
      userId: e.actor?.id ?? null,
      username: clip(auditName(e.actor), 100),
      action: clip(e.action, 100),
      objectType: clip(e.objectType, 50),
      objectName: clip(e.objectName, 300),
      outcome: e.outcome,
      error: e.error ? clip(e.error, 2000) : null,
      detail: e.detail ? clip(JSON.stringify(e.detail), 4000) : null,
      ip: e.ip ?? null,
      host: e.host ?? 'local',
    },
  });
}

export interface AuditQuery {
  q?: string;
  outcome?: AuditOutcome;
  beforeId?: number;
  limit?: number;
}

export async function listAudit(query: AuditQuery = {}): Promise<AuditRow[]> {
  const q = query.q?.trim();
  const rows = await db().auditEntry.findMany({
    where: {
      ...(query.outcome ? { outcome: query.outcome } : {}),
      ...(query.beforeId ? { id: { lt: query.beforeId } } : {}),
      ...(q ? { OR: [{ username: { contains: q } }, { action: { contains: q } }, { objectName: { contains: q } }, { host: { contains: q } }] } : {}),
    },
    orderBy: { id: 'desc' },
    take: Math.min(Math.max(query.limit ?? 100, 1), 500),
  });
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
