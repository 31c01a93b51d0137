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
