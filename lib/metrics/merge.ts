import { PEAK_OF, type Point } from './point';

// Merging points into one coarser point: each value is the time-weighted mean of the points that have it (a gap
// does not count as zero), and peak fields keep the largest value seen, so a month's graph still shows the spike
// its 15-minute means flatten.

export interface Weighted {
  point: Point;
  /** Seconds the point stands for (its tier's step). */
  weight: number;
}

const PEAK_SOURCES = new Map(Object.entries(PEAK_OF));

export function mergePoints(items: readonly Weighted[]): Point {
  const sums = new Map<string, { sum: number; weight: number }>();
  const peaks = new Map<string, number>();
  for (const { point, weight } of items) {
    for (const key in point) {
      const v = point[key]!;
      if (PEAK_SOURCES.has(key)) {
        peaks.set(key, Math.max(peaks.get(key) ?? -Infinity, v));
        continue;
      }
      const s = sums.get(key);
      if (s) {
        s.sum += v * weight;
        s.weight += weight;
      } else sums.set(key, { sum: v * weight, weight });
    }
    // A fine point has no peak of its own: its value is its peak.
    for (const [peak, source] of PEAK_SOURCES) {
      if (point[peak] === undefined && point[source] !== undefined) peaks.set(peak, Math.max(peaks.get(peak) ?? -Infinity, point[source]));
    }
  }
  const out: Point = {};
  for (const [key, s] of sums) if (s.weight > 0) out[key] = s.sum / s.weight;
  for (const [key, v] of peaks) out[key] = v;
  return out;
}
