'use client';

import type { ReactNode } from 'react';
import { ChangeDialog } from '@/components/ui/change-dialog';
import type { ChangeState } from './change';
import { ScopePicker, scopeQuery, useScope } from './scope';

/** Asks before detaching a device, with the scope choice; closes once the server answered 200. */
export function RemoveDialog({
  open,
  title,
  confirmLabel,
  path,
  running,
  notLive,
  change,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  confirmLabel: string;
  path: string;
  running: boolean;
  /** Set when the device exists only in the saved definition, so there is nothing to detach live. */
  notLive?: boolean;
  change: ChangeState;
  onClose: () => void;
  children?: ReactNode;
}) {
  const [scope, setScope, blocked] = useScope(running, running && notLive ? 'This device is not in the running guest.' : undefined);
  return (
    <ChangeDialog
      open={open}
      title={title}
      testId="remove-dialog"
      submitLabel={confirmLabel}
      danger
      busy={change.busy}
      problem={change.problem}
      onClose={onClose}
      onSubmit={async () => {
        if (await change.submit(`${path}${scopeQuery(scope)}`, 'DELETE')) onClose();
      }}
    >
      <div>{children}</div>
      <ScopePicker value={scope} onChange={setScope} blocked={blocked} />
    </ChangeDialog>
  );
}
