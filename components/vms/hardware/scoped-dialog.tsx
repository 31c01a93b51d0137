'use client';

import type { ReactNode } from 'react';
import { ChangeDialog, type ChangeDialogProps } from '@/components/ui/change-dialog';
import type { ChangeState } from './change';
import { useHardwareTab } from './context';
import { ScopePicker, useScope, type ScopeChoice } from './scope';

/** What every dialog of a device section gets from it: whether it is open, how to close, the shared change. */
export interface DeviceDialogProps {
  open: boolean;
  onClose: () => void;
  change: ChangeState;
}

type Props = Omit<ChangeDialogProps, 'busy' | 'problem' | 'onSubmit' | 'children'> &
  DeviceDialogProps & {
    /** Why live is not offered even on a running guest (e.g. the device is not in it). */
    persistentOnly?: string;
    /** Sends the change for the chosen scope; the dialog closes once it answers true (the server said 200). */
    submit: (scope: ScopeChoice) => Promise<boolean>;
    /** The fields; a function when they depend on the chosen scope. */
    children?: ReactNode | ((scope: ScopeChoice) => ReactNode);
  };

/** A hardware change asked in a dialog: its fields, then where it applies; busy and refusal come from the change. */
export function ScopedDialog({ change, persistentOnly, submit, children, ...dialog }: Props) {
  const { hw } = useHardwareTab();
  const scope = useScope(hw.running, persistentOnly);
  return (
    <ChangeDialog
      {...dialog}
      busy={change.busy}
      problem={change.problem}
      onSubmit={async () => {
        if (await submit(scope.value)) dialog.onClose();
      }}
    >
      {typeof children === 'function' ? children(scope.value) : children}
      <ScopePicker {...scope} />
    </ChangeDialog>
  );
}
