'use client';

import { Field } from '@/components/ui/field';
import { err, type StepProps } from './step-props';

export function StepResources({ s, set, options, errors }: StepProps) {
  const h = options.host;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600" data-testid="host-capacity">The host has {h.cpus} logical CPUs and {h.memoryMiB.toLocaleString('en')} MiB of memory ({h.freeMiB.toLocaleString('en')} MiB free now).</p>
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="vCPUs" type="number" min={1} max={h.cpus} value={s.vcpus} onChange={(e) => set({ vcpus: e.target.value })} error={err(errors, 'resources.vcpus')} />
        <Field label="Memory (MiB)" type="number" min={64} step={64} value={s.memoryMiB} onChange={(e) => set({ memoryMiB: e.target.value })} error={err(errors, 'resources.memoryMiB', 'resources')} />
      </div>
    </div>
  );
}
