'use client';

import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartSpec } from './chart-series';
import { seriesColor, useChartInk, type ChartInk } from './chart-colors';
import { formatMetric, latest } from './metric-format';

// One time-series graph drawn by uPlot on a canvas: columns in, a line per series, gaps where nothing was
// measured, values in the legend as the pointer moves, the width of its card (phones included), the theme's ink.

const HEIGHT = 180;

function optionsOf(spec: ChartSpec, width: number, ink: ChartInk): uPlot.Options {
  const fmt = (v: number | null) => formatMetric(v, spec.unit);
  return {
    width,
    height: HEIGHT,
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: true },
      y: { range: (_u, _min, max) => [0, Math.max(spec.minTop ?? 0, Number.isFinite(max) && max > 0 ? max * 1.1 : 1)] },
    },
    axes: [
      { stroke: ink.text, grid: { stroke: ink.grid, width: 1 }, ticks: { stroke: ink.grid, width: 1 } },
      { stroke: ink.text, grid: { stroke: ink.grid, width: 1 }, ticks: { stroke: ink.grid, width: 1 }, size: 72, values: (_u, vals) => vals.map(fmt) },
    ],
    series: [
      { value: '{YYYY}-{MM}-{DD} {HH}:{mm}:{ss}' },
      ...spec.lines.map((l, i) => ({
        label: l.label,
        stroke: seriesColor(i),
        width: l.minor ? 1 : 2,
        ...(l.minor ? { dash: [4, 3] } : {}),
        value: (_u: uPlot, v: number | null) => fmt(v),
      })),
    ],
  };
}

export function TimeChart({ spec, t }: { spec: ChartSpec; t: number[] }) {
  const box = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const ink = useChartInk(probe);
  const data = useMemo(() => [t, ...spec.lines.map((l) => l.values)] as uPlot.AlignedData, [t, spec.lines]);
  // A new chart only when what it draws changes (series, unit, theme); new values just replace the data.
  const shape = `${spec.unit}|${spec.lines.map((l) => l.key).join(',')}|${ink?.text}|${ink?.grid}`;
  const dataRef = useRef(data);

  // Before the effect that makes the chart, so a new chart starts from the newest data.
  useEffect(() => {
    dataRef.current = data;
    plot.current?.setData(data);
  }, [data]);

  useEffect(() => {
    const el = box.current;
    if (!el || !ink || !spec.lines.length) return;
    const u = new uPlot(optionsOf(spec, Math.max(120, el.clientWidth), ink), dataRef.current, el);
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(120, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `shape` stands for what the options are made of
  }, [shape]);

  const main = spec.lines[0];
  const now = main ? latest(main.values) : null;
  return (
    <section className="min-w-0 rounded-lg border border-slate-200 bg-white p-3" data-testid={`chart-${spec.id}`} data-latest={now ?? ''}>
      <div ref={probe} className="hidden border-slate-200 text-slate-600" aria-hidden />
      <div className="mb-1 flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold">{spec.title}</h3>
        {main ? (
          <span className="text-xs text-slate-600" data-testid={`chart-${spec.id}-now`}>
            {main.label} now: {formatMetric(now, spec.unit)}
          </span>
        ) : null}
      </div>
      {spec.lines.length ? (
        <div ref={box} className="w-full overflow-hidden text-xs text-slate-700" role="img" aria-label={`${spec.title} over time`} />
      ) : (
        <p className="py-6 text-center text-sm text-slate-500">Nothing measured in this range.</p>
      )}
    </section>
  );
}
