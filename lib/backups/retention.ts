import type { Retention } from './types';

// Which points a retention policy keeps. Chains are kept whole where needed: an incremental point only restores
// with every point before it back to its full, so keeping a point keeps its ancestors. Time is passed in, never
// read here, so tests decide what "today" is.

export interface RetainedPoint {
  id: string;
  parentId: string | null;
  createdAt: Date;
}

function dayKey(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** ISO week (UTC): the year of its Thursday and the week number. */
export function isoWeekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The newest point of each of the newest `count` buckets. */
function newestPerBucket(sorted: readonly RetainedPoint[], key: (d: Date) => string, count: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of sorted) {
    if (seen.size >= count) break;
    const k = key(p.createdAt);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(p.id);
  }
  return out;
}

/** The ids the policy keeps, ancestors included; everything else may be pruned. Points are the good ones of one VM. */
export function pointsToKeep(points: readonly RetainedPoint[], policy: Retention): Set<string> {
  const sorted = [...points].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const chosen = [
    ...sorted.slice(0, Math.max(0, policy.keepLast)).map((p) => p.id),
    ...newestPerBucket(sorted, dayKey, policy.keepDaily),
    ...newestPerBucket(sorted, isoWeekKey, policy.keepWeekly),
  ];
  const byId = new Map(points.map((p) => [p.id, p]));
  const keep = new Set<string>();
  for (const id of chosen) {
    for (let p = byId.get(id); p && !keep.has(p.id); p = p.parentId ? byId.get(p.parentId) : undefined) keep.add(p.id);
  }
  return keep;
}

/** The points to prune, children before parents, so a chain is never left with a hole while pruning runs. */
export function pointsToPrune(points: readonly RetainedPoint[], policy: Retention): RetainedPoint[] {
  const keep = pointsToKeep(points, policy);
  return points.filter((p) => !keep.has(p.id)).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
