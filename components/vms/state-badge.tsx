import type { VmState } from '@/components/data/types';

const tone: Record<VmState, string> = {
  running: 'bg-emerald-100 text-emerald-800',
  paused: 'bg-amber-100 text-amber-800',
  'shut off': 'bg-slate-200 text-slate-700',
  'shutting down': 'bg-sky-100 text-sky-800',
  crashed: 'bg-red-100 text-red-800',
  suspended: 'bg-violet-100 text-violet-800',
  blocked: 'bg-orange-100 text-orange-800',
  'no state': 'bg-slate-100 text-slate-600',
};

export function StateBadge({ state, name }: { state: VmState; name: string }) {
  return (
    <span data-testid={`vm-state-${name}`} data-state={state} className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${tone[state]}`}>
      {state}
    </span>
  );
}
