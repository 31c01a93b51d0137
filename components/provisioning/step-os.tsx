'use client';

import { Alert } from '@/components/ui/alert';
import { fieldError } from '@/components/data/problem';
import { SelectField } from '@/components/ui/inputs';
import { OsPicker } from './os-picker';
import type { StepProps } from './step-props';
import { osDefaults } from './wizard-state';

export function StepOs({ s, set, options, errors }: StepProps) {
  const dt = options.domainType;
  const image = s.source === 'cloud-image' && s.imageFrom === 'catalog' ? options.catalog.find((c) => c.id === s.catalogId) : undefined;
  const limits = { hostMemoryMiB: Math.floor(options.host.memory.totalBytes / 2 ** 20), imageMinDiskGiB: image?.minDiskGiB };
  const applied = s.osVariant ? osDefaults(s.osVariant, s, limits).notes : [];
  return (
    <div className="space-y-4">
      {dt.type === 'qemu' ? (
        <Alert tone="warning" testId="emulation-warning">
          <strong>Software emulation (TCG).</strong> {dt.reason}
        </Alert>
      ) : (
        <Alert tone="info" testId="kvm-info">
          Hardware virtualization (KVM{dt.cpuMode ? `, CPU mode ${dt.cpuMode}` : ''}). {dt.reason}
        </Alert>
      )}
      <OsPicker
        value={s.osVariant}
        onPick={(v) => set(v ? osDefaults(v, s, limits).patch : { osVariant: null })}
        error={fieldError(errors, 'os.variant')}
        unavailable={options.osinfo.available ? null : options.osinfo.problem}
      />
      {s.osVariant ? (
        <p className="text-sm text-slate-600" data-testid="os-defaults">
          Defaults for {s.osVariant.name}
          {image?.osVariant?.id === s.osVariant.id ? ' (the catalog image’s OS)' : ''}: {applied.join(', ')}. Change them on the next steps if you like.
        </p>
      ) : null}
      <p className="text-sm text-slate-600">
        New VMs get a serial console, a VNC display on the host&apos;s loopback only, a guest-agent channel, a random-number device, a memory balloon and spare
        PCIe ports for hot-added disks and NICs.
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField label="Machine type" value={s.machine} onChange={(v) => set({ machine: v as 'q35' | 'pc' })} error={fieldError(errors, 'os.machine')}>
          <option value="q35">q35 (PCI Express, recommended)</option>
          <option value="pc">pc (i440FX, for old guests)</option>
        </SelectField>
        <SelectField label="Firmware" value={s.firmware} onChange={(v) => set({ firmware: v as 'bios' | 'efi' })} error={fieldError(errors, 'os.firmware')}>
          <option value="bios">BIOS</option>
          <option value="efi">UEFI (with NVRAM)</option>
        </SelectField>
      </div>
    </div>
  );
}
