import type { PoolRow } from '@/components/data/types';

export function PoolState({ state }: { state: PoolRow['state'] }) {
  const tone = state === 'running' ? 'bg-emerald-100 text-emerald-800' : state === 'inactive' ? 'bg-slate-100 text-slate-600' : 'bg-amber-100 text-amber-800';
  return (
    <span data-testid="pool-state" className={`rounded px-1.5 py-0.5 text-xs ${tone}`}>
      {state}
    </span>
  );
}
