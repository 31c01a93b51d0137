'use client';

import { useState, type ReactNode } from 'react';
import type { DiskView } from '@/lib/hardware/types';
import { formatBytes } from '@/components/format';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { AddDiskDialog } from './add-disk-dialog';
import { useChange } from './change';
import { useHardwareTab } from './context';
import { EditDiskDialog } from './edit-disk-dialog';
import { ChangeResult } from './outcome';
import { NextBoot, Presence, RemovalRequested } from './presence';
import { RemoveDialog } from './remove-dialog';
import { DeviceActions, Section } from './section';

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
  const change = useChange();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<DiskView | null>(null);
  const [removing, setRemoving] = useState<DiskView | null>(null);
  const disks = hw.disks.filter((d) => d.device !== 'cdrom');
  const open = (fn: () => void) => () => {
    change.reset();
    fn();
  };
  const columns = diskColumns(hw.running, (d) =>
    canEdit ? <DeviceActions what="disk" id={d.target} onEdit={open(() => setEditing(d))} onRemove={open(() => setRemoving(d))} /> : null,
  );

  return (
    <Section
      title="Disks"
      testId="hw-disks"
      actions={
        canEdit ? (
          <Button variant="primary" className="px-2 py-1 text-xs" onClick={open(() => setAdding(true))}>
            Add disk…
          </Button>
        ) : null
      }
    >
      <DataTable
        rows={disks}
        columns={columns}
        rowKey={(d) => d.target}
        rowTestId={(d) => `disk-row-${d.target}`}
        rowClassName="align-top"
        frame="plain"
        testId="disk-table"
        empty="No disks."
      />
      <ChangeResult outcome={change.outcome} problem={adding || editing || removing ? null : change.problem} />
      <AddDiskDialog open={adding} onClose={() => setAdding(false)} change={change} />
      <EditDiskDialog disk={editing} onClose={() => setEditing(null)} change={change} />
      <RemoveDialog
        open={removing !== null}
        title={`Remove disk ${removing?.target ?? ''}`}
        confirmLabel="Remove disk"
        running={hw.running}
        notLive={removing ? !removing.inLive : false}
        path={`/disks/${encodeURIComponent(removing?.target ?? '')}`}
        change={change}
        onClose={() => setRemoving(null)}
      >
        Detaches <span className="font-mono">{removing?.target}</span> ({removing?.source ?? 'no source'}) from {vm}. The volume or file itself is kept.
      </RemoveDialog>
    </Section>
  );
}
