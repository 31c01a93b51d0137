'use client';

import { fieldError } from '@/components/data/problem';
import { HostMemoryText } from '@/components/host/host-memory';
import { NumberField } from '@/components/ui/inputs';
import type { StepProps } from './step-props';

export function StepResources({ s, set, options, errors }: StepProps) {
  const h = options.host;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600" data-testid="host-capacity">
        The host has {h.cpus} logical CPUs. Host memory: <HostMemoryText memory={h.memory} />; 1 GiB is 1,024 MiB.
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
