import type { VmUsage } from '@/components/data/types';
import { formatMetric } from './metric-format';

// The VM list's small bars: how much of its vCPUs and of its memory a running VM uses now.

function Bar({ percent, text, title, testId, sortKey }: { percent: number | null; text: string; title: string; testId: string; sortKey: number | null }) {
  const width = percent === null ? 0 : Math.min(100, Math.max(0, percent));
  const tone = width >= 90 ? 'bg-rose-600' : width >= 70 ? 'bg-amber-600' : 'bg-sky-600';
  return (
    <div className="flex items-center gap-2" title={title} data-testid={testId} data-value={percent ?? ''} data-sort={sortKey ?? ''}>
      <div className="h-2 w-16 shrink-0 overflow-hidden rounded-full bg-slate-200" aria-hidden>
        <div className={`h-full ${tone}`} style={{ width: `${width}%` }} />
      </div>
      <span className="w-16 text-xs tabular-nums text-slate-700">{text}</span>
    </div>
  );
}

export function CpuBar({ usage, name }: { usage: VmUsage | undefined; name: string }) {
  if (!usage) return <span className="text-xs text-slate-400">—</span>;
  const cores = usage.cpuCores === null ? '' : `, ${usage.cpuCores.toFixed(2)} host cores`;
  return (
    <Bar
      percent={usage.cpu}
      text={formatMetric(usage.cpu, 'percent')}
      title={`CPU: ${formatMetric(usage.cpu, 'percent')} of ${usage.vcpus ?? '?'} vCPU${usage.vcpus === 1 ? '' : 's'}${cores}`}
      testId={`cpu-use-${name}`}
      sortKey={usage.cpuCores}
    />
  );
}

export function MemoryBar({ usage, name }: { usage: VmUsage | undefined; name: string }) {
  if (!usage) return <span className="text-xs text-slate-400">—</span>;
  return (
    <Bar
      percent={usage.memPercent}
      text={usage.memUsed === null ? '—' : formatMetric(usage.memUsed, 'bytes')}
      title={`Memory: ${formatMetric(usage.memUsed, 'bytes')} used of ${formatMetric(usage.memTotal, 'bytes')} the guest sees`}
      testId={`mem-use-${name}`}
      sortKey={usage.memUsed}
    />
  );
}
