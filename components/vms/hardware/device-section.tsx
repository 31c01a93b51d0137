'use client';

import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { useChange, type ChangeState } from './change';
import { useHardwareTab } from './context';
import { ChangeResult } from './outcome';
import { Section } from './section';

/**
 * The change a device section shares with its dialogs, and which dialog is open: adding, or editing or removing
 * one device. `open` clears the last outcome and refusal first, so a dialog starts clean.
 */
export function useDeviceDialogs<T>() {
  const change = useChange();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<T | null>(null);
  const [removing, setRemoving] = useState<T | null>(null);
  const open = (fn: () => void) => () => {
    change.reset();
    fn();
  };
  return {
    change,
    open,
    adding,
    editing,
    removing,
    startAdd: open(() => setAdding(true)),
    startEdit: (d: T) => open(() => setEditing(d)),
    startRemove: (d: T) => open(() => setRemoving(d)),
    closeAdd: () => setAdding(false),
    closeEdit: () => setEditing(null),
    closeRemove: () => setRemoving(null),
    /** While a dialog is open it shows the refusal itself. */
    dialogOpen: adding || editing !== null || removing !== null,
  };
}

/** A section of devices: Add… for those who may edit, the list, what the last change did, then the dialogs. */
export function DeviceSection({
  title,
  testId,
  addLabel,
  addPrimary = true,
  onAdd,
  change,
  dialogOpen,
  dialogs,
  children,
}: {
  title: string;
  testId: string;
  addLabel: string;
  addPrimary?: boolean;
  onAdd: () => void;
  change: ChangeState;
  dialogOpen: boolean;
  dialogs: ReactNode;
  children: ReactNode;
}) {
  const { canEdit } = useHardwareTab();
  return (
    <Section
      title={title}
      testId={testId}
      actions={
        canEdit ? (
          <Button variant={addPrimary ? 'primary' : 'secondary'} className="px-2 py-1 text-xs" onClick={onAdd}>
            {addLabel}
          </Button>
        ) : null
      }
    >
      {children}
      <ChangeResult outcome={change.outcome} problem={dialogOpen ? null : change.problem} />
      {dialogs}
    </Section>
  );
}
