import { formatBytes } from '@/components/format';

// How a graph's values read: on its axis, in the hover legend and in the "now" line under it.

export type MetricUnit = 'percent' | 'bytes' | 'bytesPerSecond' | 'perSecond' | 'count' | 'ms';

export function formatMetric(value: number | null | undefined, unit: MetricUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'percent':
      return `${value < 10 ? value.toFixed(1) : Math.round(value)} %`;
    case 'bytes':
      return formatBytes(value);
    case 'bytesPerSecond':
      return `${formatBytes(value)}/s`;
    case 'perSecond':
      return `${value < 10 ? value.toFixed(1) : Math.round(value)}/s`;
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : Math.round(value)} ms`;
    case 'count':
      return value < 10 && !Number.isInteger(value) ? value.toFixed(2) : String(Math.round(value));
  }
}

/** The newest known value of a column (a stopped VM's graph ends in nulls). */
export function latest(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null && values[i] !== undefined) return values[i]!;
  return null;
}
