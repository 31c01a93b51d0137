'use client';

import { fieldError } from '@/components/data/problem';
import { NumberField } from '@/components/ui/inputs';
import type { StepProps } from './step-props';

export function StepResources({ s, set, options, errors }: StepProps) {
  const h = options.host;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600" data-testid="host-capacity">
        The host has {h.cpus} logical CPUs and {h.memoryMiB.toLocaleString('en')} MiB of memory ({h.freeMiB.toLocaleString('en')} MiB free now).
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <NumberField label="vCPUs" min={1} max={h.cpus} value={s.vcpus} onChange={(v) => set({ vcpus: v })} error={fieldError(errors, 'resources.vcpus')} />
        <NumberField
          label="Memory (MiB)"
          min={64}
          step={64}
          value={s.memoryMiB}
          onChange={(v) => set({ memoryMiB: v })}
          error={fieldError(errors, 'resources.memoryMiB', 'resources')}
        />
      </div>
    </div>
  );
}
