'use client';

import type { ReactNode } from 'react';
import type { DiskView } from '@/lib/hardware/types';
import { formatBytes } from '@/components/format';
import { actionsColumn, DataTable, type Column } from '@/components/ui/data-table';
import { AddDiskDialog } from './add-disk-dialog';
import { useHardwareTab } from './context';
import { DeviceSection, useDeviceDialogs, type DeviceKind } from './device-section';
import { EditDiskDialog } from './edit-disk-dialog';
import { presenceColumn } from './presence';

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
    presenceColumn(running),
    actionsColumn(actions),
  ];
}

const DISK: DeviceKind<DiskView> = { what: 'disk', id: (d) => d.target, collection: '/disks' };

export function DisksSection() {
  const { vm, hw } = useHardwareTab();
  const d = useDeviceDialogs(DISK);
  return (
    <DeviceSection
      devices={d}
      title="Disks"
      testId="hw-disks"
      addLabel="Add disk…"
      addDialog={(props) => <AddDiskDialog {...props} />}
      editDialog={(disk, props) => <EditDiskDialog disk={disk} {...props} />}
      removal={(disk) => (
        <>
          Detaches <span className="font-mono">{disk?.target}</span> ({disk?.source ?? 'no source'}) from {vm}. The volume or file itself is kept.
        </>
      )}
    >
      <DataTable
        rows={hw.disks.filter((x) => x.device !== 'cdrom')}
        columns={diskColumns(hw.running, d.actions)}
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
