'use client';

import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import type { ChartSpec } from './chart-series';
import { RangePicker } from './range-picker';
import type { RangeName } from '@/components/data/types';
import { TimeChart } from './time-chart';

// The frame both metrics views share: the range picker, how fresh the graphs are, and the graphs in a grid.

export interface MetricsGridProps {
  range: RangeName;
  onRange: (r: RangeName) => void;
  charts: ChartSpec[] | null;
  t: number[];
  /** Seconds per point of the answer. */
  step: number | null;
  error: Error | undefined;
  note?: ReactNode;
  testId: string;
}

export function MetricsGrid({ range, onRange, charts, t, step, error, note, testId }: MetricsGridProps) {
  return (
    <div className="space-y-3" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-3">
        <RangePicker value={range} onChange={onRange} />
        {step ? (
          <span className="text-xs text-slate-500">One point per {step < 60 ? `${step} s` : step < 3600 ? `${step / 60} min` : `${step / 3600} h`}</span>
        ) : null}
        {note}
      </div>
      {error ? <Alert>{error.message}</Alert> : null}
      {charts ? (
        <div className="grid gap-3 lg:grid-cols-2">
          {charts.map((c) => (
            <TimeChart key={c.id} spec={c} t={t} />
          ))}
        </div>
      ) : !error ? (
        <p className="text-sm text-slate-500">Loading the graphs…</p>
      ) : null}
    </div>
  );
}
