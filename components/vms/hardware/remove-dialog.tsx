'use client';

import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { ChangeState } from './change';
import { Modal } from '@/components/ui/modal';
import { RefusalNote } from './outcome';
import { ScopePicker, scopeQuery, useScope } from './scope';

/** Asks before detaching a device, with the scope choice; closes once the server answered 200. */
export function RemoveDialog({ open, title, confirmLabel, path, running, notLive, change, onClose, children }: {
  open: boolean; title: string; confirmLabel: string; path: string; running: boolean;
  /** Set when the device exists only in the saved definition, so there is nothing to detach live. */
  notLive?: boolean;
  change: ChangeState; onClose: () => void; children?: ReactNode;
}) {
  const [scope, setScope, blocked] = useScope(running, running && notLive ? 'This device is not in the running guest.' : undefined);
  return (
    <Modal open={open} title={title} onClose={onClose} testId="remove-dialog">
      <form noValidate className="space-y-4" onSubmit={async (e) => {
        e.preventDefault();
        if (await change.submit(`${path}${scopeQuery(scope)}`, 'DELETE')) onClose();
      }}>
        <div className="text-slate-700">{children}</div>
        <ScopePicker value={scope} onChange={setScope} blocked={blocked} />
        {change.refusal ? <RefusalNote refusal={change.refusal} /> : null}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose} disabled={change.busy}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={change.busy}>{change.busy ? 'Working…' : confirmLabel}</Button>
        </div>
      </form>
    </Modal>
  );
}
