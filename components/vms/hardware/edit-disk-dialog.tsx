'use client';

import { useState, type ReactNode } from 'react';
import type { DiskCache, DiskDiscard, DiskIo, DiskUpdate, DiskView } from '@/lib/hardware/types';
import { formatBytes } from '@/components/format';
import { Button } from '@/components/ui/button';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { NumberField } from '@/components/ui/inputs';
import { useHardwareTab } from './context';
import { DiskOptionFields, type DiskOptions } from './disk-options';
import { ScopePicker, toScope, useScope } from './scope';
import type { DeviceDialogProps } from './scoped-dialog';

const GiB = 1024 ** 3;

function optionsOf(d: DiskView): DiskOptions {
  return {
    cache: (d.cache ?? 'default') as DiskCache,
    discard: (d.discard ?? 'default') as DiskDiscard,
    io: (d.io ?? 'default') as DiskIo,
    readonly: d.readonly,
    shareable: d.shareable,
  };
}

/** One of the dialog's two saves: a bordered form named by `label`, with its own button. */
function OwnSave({
  label,
  save,
  busy,
  disabled,
  onSubmit,
  children,
}: {
  label: string;
  save: string;
  busy: boolean;
  disabled: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      noValidate
      aria-label={label}
      className="space-y-2 rounded-md border border-slate-200 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <Button type="submit" variant="primary" disabled={busy || disabled}>
        {busy ? 'Working…' : save}
      </Button>
    </form>
  );
}

/**
 * Grow a disk, or change its cache/discard/IO options and flags. Two separate saves: a resize and a driver change
 * are different libvirt calls with different live support, so each gets its own plain outcome.
 */
export function EditDiskDialog({ disk, ...props }: Omit<DeviceDialogProps, 'open'> & { disk: DiskView | null }) {
  return disk ? <EditDisk key={disk.target} disk={disk} {...props} /> : null;
}

function EditDisk({ disk, onClose, change }: Omit<DeviceDialogProps, 'open'> & { disk: DiskView }) {
  const { hw } = useHardwareTab();
  const [size, setSize] = useState('');
  const [opts, setOpts] = useState(() => optionsOf(disk));
  const scope = useScope(hw.running, hw.running && !disk.inLive ? 'This disk is not in the running guest.' : undefined);
  const before = optionsOf(disk);
  const grow = size.trim() ? Number(size) : null;
  const tooSmall = grow !== null && disk.capacityBytes !== null && grow * GiB <= disk.capacityBytes;
  const optionsChanged = (Object.keys(before) as (keyof DiskOptions)[]).some((k) => opts[k] !== before[k]);
  const url = `/disks/${encodeURIComponent(disk.target)}`;

  async function growDisk() {
    if (grow === null) return;
    if (await change.submit(url, 'PATCH', { ...toScope(scope.value), sizeGiB: grow } satisfies DiskUpdate)) onClose();
  }

  async function saveOptions() {
    const o = opts;
    const body: DiskUpdate = { ...toScope(scope.value) };
    if (o.cache !== before.cache) body.cache = o.cache;
    if (o.discard !== before.discard) body.discard = o.discard;
    if (o.io !== before.io) body.io = o.io;
    if (o.readonly !== before.readonly) body.readonly = o.readonly;
    if (o.shareable !== before.shareable) body.shareable = o.shareable;
    if (await change.submit(url, 'PATCH', body)) onClose();
  }

  return (
    <ChangeDialog open title={`Edit disk ${disk.target}`} onClose={onClose} testId="edit-disk-dialog" busy={change.busy} problem={change.problem}>
      <div className="space-y-4">
        <p className="text-slate-600">
          {disk.source ?? 'no source'}
          {disk.capacityBytes !== null ? ` — ${formatBytes(disk.capacityBytes)}` : ''}
        </p>
        <ScopePicker {...scope} />
        <OwnSave label="Size" save="Grow disk" busy={change.busy} disabled={grow === null || tooSmall} onSubmit={() => void growDisk()}>
          <NumberField
            label="Grow to (GiB)"
            value={size}
            onChange={setSize}
            min={0}
            step={0.001}
            hint="Disks only grow: shrinking would cut off the guest's data. Live: block resize of the running guest; next boot: the volume in its pool."
            error={change.field('sizeGiB', 'size') ?? (tooSmall ? `The disk is already ${formatBytes(disk.capacityBytes!)}; enter a larger size.` : undefined)}
          />
        </OwnSave>
        <OwnSave label="Driver options" save="Save options" busy={change.busy} disabled={!optionsChanged} onSubmit={() => void saveOptions()}>
          <DiskOptionFields value={opts} onChange={setOpts} field={change.field} />
          <p className="text-xs text-slate-500">
            QEMU cannot change most driver options of a disk in use: a live half may be refused while the next-boot half is saved.
          </p>
        </OwnSave>
      </div>
    </ChangeDialog>
  );
}
