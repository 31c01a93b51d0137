import { mergePoints } from './merge';
import type { Point } from './point';
import type { StoredPoint } from './store';

// Rolling a tier up into the next: the stored finer points of each closed coarse bucket, merged per series.

/** Finer points merged into the buckets of a coarser tier, per series. */
export function rollUpPoints(rows: readonly StoredPoint[], srcStep: number, tier: number, step: number): StoredPoint[] {
  const groups = new Map<string, { seriesId: number; t: number; items: { point: Point; weight: number }[] }>();
  for (const r of rows) {
    const t = Math.floor(r.t / step) * step;
    const key = `${r.seriesId}:${t}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { seriesId: r.seriesId, t, items: [] }));
    g.items.push({ point: r.point, weight: srcStep });
  }
  return [...groups.values()].map((g) => ({ seriesId: g.seriesId, tier, t: g.t, point: mergePoints(g.items) }));
}
