'use client';

import { useMemo } from 'react';
import { useHostMetrics } from '@/components/data/hooks';
import { useUrlTab } from '@/components/ui/use-url-tab';
import { hostCharts } from './chart-series';
import { MetricsGrid } from './metrics-grid';
import { GRAPH_RANGES } from './range-picker';

/** The host page's graphs: CPU, memory, load, pool use and running VMs. */
export function HostMetricsPanel() {
  const [range, setRange] = useUrlTab(GRAPH_RANGES, '1h', 'range');
  const { data, error } = useHostMetrics(range);
  const charts = useMemo(() => (data ? hostCharts(data).filter((c) => c.lines.length || c.id !== 'host-load') : null), [data]);
  return <MetricsGrid testId="host-metrics" range={range} onRange={setRange} charts={charts} t={data?.t ?? []} step={data?.step ?? null} error={error} />;
}
