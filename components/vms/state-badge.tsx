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

/**
 * The VM's state; `pending` says what it was asked and has not done yet (an ACPI shutdown the guest is still
 * working on), until it has stopped.
 */
export function StateBadge({ state, name, pending }: { state: VmState; name: string; pending?: string | null }) {
  const waiting = pending && state !== 'shut off' && state !== 'crashed' ? pending : null;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span data-testid={`vm-state-${name}`} data-state={state} className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${tone[state]}`}>
        {state}
      </span>
      {waiting ? (
        <span
          data-testid={`vm-pending-${name}`}
          title="Vireo asked the guest to shut down (ACPI power button); the guest decides when it stops, and may ignore it. Force off stops it at once."
          className="whitespace-nowrap rounded bg-sky-100 px-1.5 py-0.5 text-xs font-medium text-sky-800"
        >
          {waiting}
        </span>
      ) : null}
    </span>
  );
}
