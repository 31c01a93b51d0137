'use client';

import { HostMemoryText } from '@/components/host/host-memory';
import { NumberField } from '@/components/ui/inputs';
import { textBinder, type StepProps } from './step-props';

export function StepResources({ s, set, options, errors }: StepProps) {
  const text = textBinder({ s, set, errors });
  const h = options.host;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600" data-testid="host-capacity">
        The host has {h.cpus} logical CPUs. Host memory: <HostMemoryText memory={h.memory} />; 1 GiB is 1,024 MiB.
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <NumberField {...text('vcpus', 'resources.vcpus')} label="vCPUs" min={1} max={h.cpus} />
        <NumberField {...text('memoryMiB', 'resources.memoryMiB', 'resources')} label="Memory (MiB)" min={64} step={64} />
      </div>
    </div>
  );
}
