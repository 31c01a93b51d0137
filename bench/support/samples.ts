/** Nearest-rank percentile of samples (ms); p in 0..100. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (s: number[]): number => percentile(s, 50);

/** Three significant digits are plenty for a bench line's detail. */
export const r3 = (n: number): number => Number(n.toPrecision(3));

/** Two decimals, for figures in milliseconds. */
export const r2 = (n: number): number => Number(n.toFixed(2));

export interface Timings {
  median: number;
  p90: number;
  min: number;
  max: number;
}

/** Runs `fn` n times one after another and times each call (ms). */
export async function timeRuns(n: number, fn: () => Promise<unknown>): Promise<Timings> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { median: median(times), p90: percentile(times, 90), min: Math.min(...times), max: Math.max(...times) };
}
