'use client';

import { Alert } from '@/components/ui/alert';
import { fieldError } from '@/components/data/problem';
import { SelectField } from '@/components/ui/inputs';
import type { StepProps } from './step-props';

export function StepOs({ s, set, options, errors }: StepProps) {
  const dt = options.domainType;
  return (
    <div className="space-y-4">
      {dt.type === 'qemu' ? (
        <Alert tone="warning" testId="emulation-warning">
          <strong>Software emulation (TCG).</strong> {dt.reason}
        </Alert>
      ) : (
        <Alert tone="info" testId="kvm-info">
          Hardware virtualization (KVM). {dt.reason}
        </Alert>
      )}
      <p className="text-sm text-slate-600">
        New VMs get virtio disks and network, a serial console, a VNC display on the host&apos;s loopback only, a guest-agent channel, a random-number device
        and a memory balloon.
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
