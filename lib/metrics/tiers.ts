// History is kept in tiers, each a step and how long its points live: fine points for the last hour, coarser
// ones further back. A series has at most retention / step + 1 points per tier, whatever its age, so the database
// stays bounded: a year of one VM is at most 361 + 1,441 + 2,977 + 8,785 rows.

export interface Tier {
  id: number;
  name: string;
  /** Seconds per point. */
  step: number;
  /** Seconds a point is kept. */
  retention: number;
}

const DAY = 86_400;

export const TIERS: readonly Tier[] = [
  { id: 0, name: '10s', step: 10, retention: 3600 },
  { id: 1, name: '1m', step: 60, retention: DAY },
  { id: 2, name: '15m', step: 900, retention: 31 * DAY },
  { id: 3, name: '1h', step: 3600, retention: 366 * DAY },
];

/** The start of the bucket of `tier` holding time `t` (seconds). */
export function bucketOf(tier: Tier, t: number): number {
  return Math.floor(t / tier.step) * tier.step;
}

/** The most points a series can hold in a tier. */
export function maxPoints(tier: Tier): number {
  return tier.retention / tier.step + 1;
}

/** Points of `tier` older than this (seconds) are pruned at `now`. */
export function pruneBefore(tier: Tier, now: number): number {
  return now - tier.retention;
}

/** Graph ranges and the tier each is read from. */
export const RANGES = {
  '1h': { seconds: 3600, tier: 0 },
  '1d': { seconds: DAY, tier: 1 },
  '1w': { seconds: 7 * DAY, tier: 2 },
  '1mo': { seconds: 30 * DAY, tier: 2 },
  '1y': { seconds: 365 * DAY, tier: 3 },
} as const;

export type RangeName = keyof typeof RANGES;
export const RANGE_NAMES = Object.keys(RANGES) as RangeName[];
