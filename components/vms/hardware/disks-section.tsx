'use client';

import type { DiskView } from '@/lib/hardware/types';
import { formatBytes } from '@/components/format';
import type { Column } from '@/components/ui/data-table';
import { WithNote } from '@/components/ui/with-note';
import { AddDiskDialog } from './add-disk-dialog';
import { useHardwareTab } from './context';
import { DeviceSection, DeviceTable, useDeviceDialogs, type DeviceKind } from './device-section';
import { EditDiskDialog } from './edit-disk-dialog';

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

const DISK_COLUMNS: Column<DiskView>[] = [
  {
    id: 'target',
    header: 'Target',
    className: 'font-mono text-xs',
    cell: (d) => <WithNote value={d.target} note={d.device !== 'disk' && `(${d.device})`} />,
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
];

const DISK: DeviceKind<DiskView> = { what: 'disk', id: (d) => d.target, collection: '/disks', title: 'Disks', testId: 'hw-disks', addLabel: 'Add disk…' };

export function DisksSection() {
  const { vm, hw } = useHardwareTab();
  const d = useDeviceDialogs(DISK);
  return (
    <DeviceSection
      devices={d}
      addDialog={(props) => <AddDiskDialog {...props} />}
      editDialog={(disk, props) => <EditDiskDialog disk={disk} {...props} />}
      removal={(disk) => (
        <>
          Detaches <span className="font-mono">{disk?.target}</span> ({disk?.source ?? 'no source'}) from {vm}. The volume or file itself is kept.
        </>
      )}
    >
      <DeviceTable
        devices={d}
        rows={hw.disks.filter((x) => x.device !== 'cdrom')}
        columns={DISK_COLUMNS}
        rowTestId={(x) => `disk-row-${x.target}`}
        rowClassName="align-top"
        testId="disk-table"
        empty="No disks."
      />
    </DeviceSection>
  );
}
