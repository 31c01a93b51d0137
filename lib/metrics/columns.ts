import { mergePoints, type Weighted } from './merge';
import { splitKey, type Point } from './point';
import type { StoredPoint } from './store';
import { RANGES, TIERS, type RangeName } from './tiers';

// A range of a series as uPlot-style columns: one array of times and one array per key, all the same length, on a
// regular grid with null where nothing was measured (so a chart draws a gap instead of a line across a stopped VM).
// The points come from the range's tier and, past that tier's newest bucket, from the finer tiers not rolled up
// yet; they are merged into at most `maxPoints` buckets here, on the server.

export interface Columns {
  range: RangeName;
  /** Grid start and end (exclusive), seconds since the epoch. */
  from: number;
  to: number;
  /** Seconds per point of the answer. */
  step: number;
  /** The stored tier the range reads. */
  tier: string;
  /** Bucket starts, seconds since the epoch. */
  t: number[];
  /** Every key the range has (e.g. "cpu", "disk/vda/readBps"), each a column aligned with `t`. */
  series: Record<string, (number | null)[]>;
  /** The devices seen in the range, per group (vcpu, disk, nic, pool), for legends. */
  devices: Record<string, string[]>;
}

export const DEFAULT_POINTS = 720;
export const MAX_POINTS = 4000;

/** The grid of a range ending at `toS` (or now): the tier to read and the answer's step. */
export function gridOf(range: RangeName, toS: number, maxPoints = DEFAULT_POINTS): { tier: number; from: number; to: number; step: number } {
  const r = RANGES[range];
  const tier = TIERS[r.tier]!;
  const step = tier.step * Math.max(1, Math.ceil(r.seconds / tier.step / Math.max(1, maxPoints)));
  const to = Math.floor(toS / step) * step + step;
  return { tier: tier.id, from: to - Math.ceil(r.seconds / step) * step, to, step };
}

/** Columns from stored points (any tiers) on the grid; weights are each point's tier step. */
export function toColumns(range: RangeName, grid: ReturnType<typeof gridOf>, rows: readonly StoredPoint[]): Columns {
  const n = Math.round((grid.to - grid.from) / grid.step);
  const buckets: Weighted[][] = Array.from({ length: n }, () => []);
  for (const r of rows) {
    const i = Math.floor((r.t - grid.from) / grid.step);
    if (i >= 0 && i < n) buckets[i]!.push({ point: r.point, weight: TIERS[r.tier]?.step ?? 1 });
  }
  const merged: (Point | null)[] = buckets.map((b) => (b.length ? mergePoints(b) : null));
  const keys = new Set<string>();
  for (const p of merged) if (p) for (const k in p) keys.add(k);
  const series: Record<string, (number | null)[]> = {};
  const devices: Record<string, Set<string>> = {};
  for (const key of [...keys].sort()) {
    series[key] = merged.map((p) => (p ? (p[key] ?? null) : null));
    const parts = splitKey(key);
    if (parts) (devices[parts.group] ??= new Set()).add(parts.device);
  }
  return {
    range,
    from: grid.from,
    to: grid.to,
    step: grid.step,
    tier: TIERS[grid.tier]!.name,
    t: Array.from({ length: n }, (_, i) => grid.from + i * grid.step),
    series,
    devices: Object.fromEntries(Object.entries(devices).map(([g, s]) => [g, [...s].sort(naturalOrder)])),
  };
}

function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true });
}
