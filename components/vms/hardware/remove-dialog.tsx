'use client';

import type { ReactNode } from 'react';
import type { ChangeState } from './change';
import { useHardwareTab } from './context';
import { scopeQuery } from './scope';
import { ScopedDialog } from './scoped-dialog';

/**
 * Asks before detaching a device ("Remove disk vda"), with the scope choice; closes once the server answered 200.
 * Open while `device` is set; a device only in the saved definition has nothing to detach live.
 */
export function RemoveDialog({
  what,
  device,
  id,
  collection,
  change,
  onClose,
  children,
}: {
  what: string;
  device: { inLive: boolean } | null;
  id: string | undefined;
  /** Where the devices live in the hardware API, e.g. "/disks". */
  collection: string;
  change: ChangeState;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { hw } = useHardwareTab();
  return (
    <ScopedDialog
      open={device !== null}
      title={`Remove ${what} ${id ?? ''}`}
      testId="remove-dialog"
      submitLabel={`Remove ${what}`}
      danger
      change={change}
      persistentOnly={hw.running && device && !device.inLive ? 'This device is not in the running guest.' : undefined}
      onClose={onClose}
      submit={(scope) => change.submit(`${collection}/${encodeURIComponent(id ?? '')}${scopeQuery(scope)}`, 'DELETE')}
    >
      <div>{children}</div>
    </ScopedDialog>
  );
}
