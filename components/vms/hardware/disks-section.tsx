'use client';

import type { ReactNode } from 'react';
import type { DiskView } from '@/lib/hardware/types';
import { formatBytes } from '@/components/format';
import { DataTable, type Column } from '@/components/ui/data-table';
import { AddDiskDialog } from './add-disk-dialog';
import { useHardwareTab } from './context';
import { DeviceSection, useDeviceDialogs } from './device-section';
import { EditDiskDialog } from './edit-disk-dialog';
import { NextBoot, Presence, RemovalRequested } from './presence';
import { RemoveDialog } from './remove-dialog';
import { DeviceActions } from './section';

function options(d: DiskView): string {
  const parts = [
    d.cache && `cache ${d.cache}`,
    d.discard && `discard ${d.discard}`,
    d.io && `io ${d.io}`,
    d.readonly && 'read-only',
    d.shareable && 'shareable',
  ].filter(Boolean);
  return parts.join(', ') || '—';
}

function diskColumns(running: boolean, actions: (d: DiskView) => ReactNode): Column<DiskView>[] {
  return [
    {
      id: 'target',
      header: 'Target',
      className: 'font-mono text-xs',
      cell: (d) => (
        <>
          {d.target}
          {d.device !== 'disk' ? <span className="ml-1 font-sans text-slate-500">({d.device})</span> : null}
        </>
      ),
    },
    { id: 'bus', header: 'Bus', cell: (d) => d.bus ?? '—' },
    {
      id: 'source',
      header: 'Source',
      className: 'break-all',
      cell: (d) => (
        <span data-testid="disk-source">
          {d.source ?? '—'}
          {d.format ? <span className="text-slate-500"> ({d.format})</span> : null}
        </span>
      ),
    },
    {
      id: 'size',
      header: 'Size',
      className: 'whitespace-nowrap',
      cell: (d) => (
        <span data-testid="disk-size" data-bytes={d.capacityBytes ?? ''}>
          {d.capacityBytes !== null ? formatBytes(d.capacityBytes) : '—'}
        </span>
      ),
    },
    { id: 'options', header: 'Options', className: 'text-xs', cell: options },
    {
      id: 'in',
      header: 'In',
      cell: (d) => (
        <>
          <Presence inLive={d.inLive} inPersistent={d.inPersistent} running={running} />
          <NextBoot diff={d.nextBoot} />
          <RemovalRequested requested={d.removalRequested} />
        </>
      ),
    },
    { id: 'actions', header: '', className: 'whitespace-nowrap text-right', cell: actions },
  ];
}

export function DisksSection() {
  const { vm, hw, canEdit } = useHardwareTab();
  const d = useDeviceDialogs<DiskView>();
  const disks = hw.disks.filter((x) => x.device !== 'cdrom');
  const columns = diskColumns(hw.running, (x) =>
    canEdit ? <DeviceActions what="disk" id={x.target} onEdit={d.startEdit(x)} onRemove={d.startRemove(x)} /> : null,
  );
  const dialogs = (
    <>
      <AddDiskDialog open={d.adding} onClose={d.closeAdd} change={d.change} />
      <EditDiskDialog disk={d.editing} onClose={d.closeEdit} change={d.change} />
      <RemoveDialog what="disk" device={d.removing} id={d.removing?.target} collection="/disks" change={d.change} onClose={d.closeRemove}>
        Detaches <span className="font-mono">{d.removing?.target}</span> ({d.removing?.source ?? 'no source'}) from {vm}. The volume or file itself is kept.
      </RemoveDialog>
    </>
  );

  return (
    <DeviceSection title="Disks" testId="hw-disks" addLabel="Add disk…" onAdd={d.startAdd} change={d.change} dialogOpen={d.dialogOpen} dialogs={dialogs}>
      <DataTable
        rows={disks}
        columns={columns}
        rowKey={(x) => x.target}
        rowTestId={(x) => `disk-row-${x.target}`}
        rowClassName="align-top"
        frame="plain"
        testId="disk-table"
        empty="No disks."
      />
    </DeviceSection>
  );
}
