'use client';

import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { actionsColumn, DataTable, type Column } from '@/components/ui/data-table';
import { useChange } from './change';
import { useHardwareTab } from './context';
import { ChangeResult } from './outcome';
import { presenceColumn, type Halves } from './presence';
import { RemoveDialog } from './remove-dialog';
import type { DeviceDialogProps } from './scoped-dialog';
import { DeviceActions, Section } from './section';

/** A kind of device as its section names it: "disk" vda under /disks, "interface" 52:54:… under /nics. */
export interface DeviceKind<T> {
  what: string;
  id: (device: T) => string;
  /** Where the devices live in the hardware API. */
  collection: string;
  /** The section's heading, test id and add button. */
  title: string;
  testId: string;
  addLabel: string;
}

/**
 * The change a device section shares with its dialogs, and which dialog is open: adding, or editing or removing
 * one device. `open` clears the last outcome and refusal first, so a dialog starts clean.
 */
export function useDeviceDialogs<T extends { inLive: boolean }>(kind: DeviceKind<T>) {
  const { canEdit } = useHardwareTab();
  const change = useChange();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<T | null>(null);
  const [removing, setRemoving] = useState<T | null>(null);
  const open = (fn: () => void) => () => {
    change.reset();
    fn();
  };
  const startEdit = (d: T) => open(() => setEditing(d));
  const startRemove = (d: T) => open(() => setRemoving(d));
  return {
    kind,
    change,
    open,
    adding,
    editing,
    removing,
    startAdd: open(() => setAdding(true)),
    startEdit,
    startRemove,
    closeAdd: () => setAdding(false),
    closeEdit: () => setEditing(null),
    closeRemove: () => setRemoving(null),
    /** Edit… and Remove… of one row, for those who may edit. */
    actions: (d: T) => (canEdit ? <DeviceActions what={kind.what} id={kind.id(d)} onEdit={startEdit(d)} onRemove={startRemove(d)} /> : null),
  };
}

export type DeviceDialogs<T extends { inLive: boolean }> = ReturnType<typeof useDeviceDialogs<T>>;

/**
 * A section of devices: Add… for those who may edit, the list, what the last change did (while a dialog is open,
 * the dialog shows the refusal itself), then the add, edit and remove dialogs.
 */
export function DeviceSection<T extends { inLive: boolean }>({
  devices: d,
  addPrimary = true,
  addDialog,
  editDialog,
  removal,
  more,
  children,
}: {
  devices: DeviceDialogs<T>;
  addPrimary?: boolean;
  addDialog: (props: DeviceDialogProps) => ReactNode;
  editDialog: (device: T | null, props: Omit<DeviceDialogProps, 'open'>) => ReactNode;
  /** What removing the device does, in a sentence. */
  removal: (device: T | null) => ReactNode;
  /** A further dialog of the section, and whether it is open. */
  more?: { dialog: ReactNode; open: boolean };
  children: ReactNode;
}) {
  const { canEdit } = useHardwareTab();
  const dialogOpen = d.adding || d.editing !== null || d.removing !== null || (more?.open ?? false);
  const { title, testId, addLabel } = d.kind;
  const id = d.removing ? d.kind.id(d.removing) : undefined;
  return (
    <Section
      title={title}
      testId={testId}
      actions={
        canEdit ? (
          <Button variant={addPrimary ? 'primary' : 'secondary'} className="px-2 py-1 text-xs" onClick={d.startAdd}>
            {addLabel}
          </Button>
        ) : null
      }
    >
      {children}
      <ChangeResult outcome={d.change.outcome} problem={dialogOpen ? null : d.change.problem} />
      {addDialog({ open: d.adding, onClose: d.closeAdd, change: d.change })}
      {editDialog(d.editing, { onClose: d.closeEdit, change: d.change })}
      {more?.dialog}
      <RemoveDialog what={d.kind.what} device={d.removing} id={id} collection={d.kind.collection} change={d.change} onClose={d.closeRemove}>
        {removal(d.removing)}
      </RemoveDialog>
    </Section>
  );
}

/** A section's devices as a table: the kind's own columns, then which halves hold each one, then its actions. */
export function DeviceTable<T extends Halves>({
  devices,
  rows,
  columns,
  rowTestId,
  rowClassName,
  testId,
  empty,
}: {
  devices: DeviceDialogs<T>;
  rows: T[];
  columns: Column<T>[];
  rowTestId: (device: T) => string;
  rowClassName?: string;
  testId: string;
  empty: string;
}) {
  const { hw } = useHardwareTab();
  return (
    <DataTable
      rows={rows}
      columns={[...columns, presenceColumn<T>(hw.running), actionsColumn(devices.actions)]}
      rowKey={devices.kind.id}
      rowTestId={rowTestId}
      rowClassName={rowClassName}
      frame="plain"
      testId={testId}
      empty={empty}
    />
  );
}
