'use client';

import { fieldError } from '@/components/data/problem';
import { NumberField, SelectField } from '@/components/ui/inputs';
import type { NewVmDiskBus } from '@/lib/domain-xml/constants';
import { textBinder, type StepProps } from './step-props';

export function StepStorage({ s, set, options, errors }: StepProps) {
  const text = textBinder({ s, set, errors });
  const pools = options.pools.filter((p) => p.active);
  const imported = s.source === 'import';
  return (
    <div className="space-y-3">
      {imported ? <p className="text-sm text-slate-600">The imported volume is used as it is; only the bus applies.</p> : null}
      {s.source === 'cloud-image' ? (
        <p className="text-sm text-slate-600">
          The disk is grown to this size (never below the image&apos;s own); cloud-init grows the root filesystem at first boot. The seed CD-ROM goes in the
          same pool.
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        {!imported ? (
          <SelectField label="Storage pool" value={s.pool} onChange={(v) => set({ pool: v })} error={fieldError(errors, 'storage.pool')}>
            {pools.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
                {p.availableBytes !== null ? ` (${(p.availableBytes / 1024 ** 3).toFixed(1)} GiB free)` : ''}
              </option>
            ))}
          </SelectField>
        ) : null}
        {!imported ? <NumberField {...text('sizeGiB', 'storage.sizeGiB')} label="Disk size (GiB)" min={0} step="any" /> : null}
        {!imported && s.source !== 'cloud-image' ? (
          <SelectField
            label="Disk format"
            value={s.format}
            onChange={(v) => set({ format: v as 'qcow2' | 'raw' })}
            error={fieldError(errors, 'storage.format')}
          >
            <option value="qcow2">qcow2 (thin, snapshots)</option>
            <option value="raw">raw (fastest)</option>
          </SelectField>
        ) : null}
        <SelectField label="Disk bus" value={s.bus} onChange={(v) => set({ bus: v as NewVmDiskBus })} error={fieldError(errors, 'storage.bus')}>
          <option value="virtio">virtio (fastest)</option>
          <option value="scsi">virtio-scsi (discard, many disks)</option>
          <option value="sata">SATA (guests without virtio drivers)</option>
        </SelectField>
      </div>
    </div>
  );
}
