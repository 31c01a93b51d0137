'use client';

import type { RangeName } from '@/components/data/types';

export const GRAPH_RANGES: readonly RangeName[] = ['1h', '1d', '1w', '1mo'];

const LABEL: Record<string, string> = { '1h': '1 hour', '1d': '1 day', '1w': '1 week', '1mo': '1 month', '1y': '1 year' };

/** The graphs' time range: a row of toggle buttons. */
export function RangePicker({ value, onChange }: { value: RangeName; onChange: (r: RangeName) => void }) {
  return (
    <div role="group" aria-label="Time range" className="inline-flex flex-wrap rounded-md border border-slate-300 bg-white text-xs" data-testid="range-picker">
      {GRAPH_RANGES.map((r) => (
        <button
          key={r}
          type="button"
          aria-pressed={value === r}
          onClick={() => onChange(r)}
          className={`px-2.5 py-1 ${value === r ? 'bg-sky-700 font-medium text-white' : 'text-slate-700 hover:bg-slate-100'}`}
        >
          {LABEL[r]}
        </button>
      ))}
    </div>
  );
}
