/** One line of `npm run bench`: Vireo's figure beside an anchor measured in the same run. */
export interface BenchResult {
  bench: string;
  vireo: number;
  anchor: number;
  /** What the anchor is, e.g. "python3-libvirt (C client)". */
  anchorName: string;
  unit: 'ms' | 'MB/s' | 'us' | 'MiB' | '%core';
  /** Extra context (sample counts, domain count, percentiles). */
  detail?: Record<string, unknown>;
}

/** A bench case module's default export. It sets up what it needs and cleans up after itself. */
export type BenchCase = () => Promise<BenchResult[]>;
