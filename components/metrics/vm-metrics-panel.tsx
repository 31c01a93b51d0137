'use client';

import { useMemo } from 'react';
import { useVmMetrics } from '@/components/data/hooks';
import { useUrlTab } from '@/components/ui/use-url-tab';
import { vmCharts } from './chart-series';
import { MetricsGrid } from './metrics-grid';
import { GRAPH_RANGES } from './range-picker';

/** The VM page's Metrics tab: CPU, memory, disk and network over the chosen range, following the collector. */
export function VmMetricsPanel({ name, running }: { name: string; running: boolean }) {
  const [range, setRange] = useUrlTab(GRAPH_RANGES, '1h', 'range');
  const { data, error } = useVmMetrics(name, range);
  const charts = useMemo(() => (data ? vmCharts(data) : null), [data]);
  return (
    <MetricsGrid
      testId="vm-metrics"
      range={range}
      onRange={setRange}
      charts={charts}
      t={data?.t ?? []}
      step={data?.step ?? null}
      error={error}
      note={running ? null : <span className="text-xs text-slate-500">The VM is not running: nothing new is measured.</span>}
    />
  );
}
