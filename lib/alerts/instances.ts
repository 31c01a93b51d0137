import 'server-only';
import { db } from '@/lib/db/client';
import type { AlertState } from './model';
import { silencedBy } from './silence-match';
import { activeSilences } from './silences';
import { HOST_SUBJECT } from './verdicts';

// The alerts the page and the API show: every pending and firing one, then those resolved in the last day.

export interface AlertView {
  id: string;
  ruleId: string;
  ruleName: string;
  hostId: string;
  subjectKey: string;
  subjectName: string;
  state: AlertState;
  value: number | null;
  fingerprint: string;
  activeAt: string;
  firedAt: string | null;
  resolvedAt: string | null;
  /** A silence matches it now: it tells no receiver. */
  silenced: boolean;
}

const RECENT_MS = 86_400_000;

export async function listAlerts(now = new Date()): Promise<AlertView[]> {
  const [rows, silences] = await Promise.all([
    db().alertInstance.findMany({
      where: { OR: [{ state: { in: ['pending', 'firing'] } }, { state: 'resolved', resolvedAt: { gt: new Date(now.getTime() - RECENT_MS) } }] },
      orderBy: { activeAt: 'desc' },
      take: 500,
    }),
    activeSilences(now),
  ]);
  const rank: Record<string, number> = { firing: 0, pending: 1, resolved: 2 };
  return rows
    .map(({ updatedAt: _updated, ...r }): AlertView => {
      const vm = r.subjectKey !== HOST_SUBJECT;
      const subject = { ruleId: r.ruleId, hostId: r.hostId, vmName: vm ? r.subjectName : null, vmUuid: vm ? r.subjectKey : null };
      return {
        ...r,
        state: r.state as AlertState,
        activeAt: r.activeAt.toISOString(),
        firedAt: r.firedAt?.toISOString() ?? null,
        resolvedAt: r.resolvedAt?.toISOString() ?? null,
        silenced: r.state !== 'resolved' && silencedBy(silences, subject, now.getTime()),
      };
    })
    .sort((a, b) => (rank[a.state] ?? 3) - (rank[b.state] ?? 3));
}
