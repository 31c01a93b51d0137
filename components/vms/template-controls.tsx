'use client';

import { useState, type ReactNode } from 'react';
import { useHostId } from '@/components/hosts/host-scope';
import { keys } from '@/components/data/keys';
import type { VmRow } from '@/components/data/types';
import { Button } from '@/components/ui/button';
import { RequestDialog } from '@/components/ui/request-dialog';
import { CloneDialog } from './clone-dialog';

/** A button for what only a stopped VM allows: disabled while it runs, its title saying why. */
function WhenStopped({ stopped, why, onClick, testId, children }: { stopped: boolean; why: string; onClick: () => void; testId: string; children: ReactNode }) {
  return (
    <Button className="px-2 py-1 text-xs" disabled={!stopped} title={stopped ? undefined : why} onClick={onClick} data-testid={testId}>
      {children}
    </Button>
  );
}

/** "Clone…" for a stopped VM, and marking it as a template (or back). */
export function CloneAndTemplate({ name, row, perms }: { name: string; row: VmRow; perms: { edit: boolean; create?: boolean } }) {
  const host = useHostId();
  const [cloning, setCloning] = useState(false);
  const [asking, setAsking] = useState(false);
  const stopped = row.state === 'shut off';
  const template = !!row.template;
  return (
    <>
      {perms.create ? (
        <WhenStopped stopped={stopped} why="Shut the VM down to clone it." onClick={() => setCloning(true)} testId="clone-open">
          Clone…
        </WhenStopped>
      ) : null}
      {perms.edit ? (
        <WhenStopped stopped={stopped} why="Shut the VM down first." onClick={() => setAsking(true)} testId="template-toggle">
          {template ? 'Unmark template…' : 'Make template…'}
        </WhenStopped>
      ) : null}
      {cloning ? <CloneDialog source={name} template={template} onClose={() => setCloning(false)} /> : null}
      {asking ? (
        <RequestDialog
          title={template ? `Make "${name}" an ordinary VM again?` : `Make "${name}" a template?`}
          submitLabel={template ? 'Unmark' : 'Make template'}
          onClose={() => setAsking(false)}
          request={() => ({
            url: `${keys.vm(host, name)}/template`,
            method: 'PUT',
            body: { template: !template },
            touches: [keys.vm(host, name), keys.vms(host)],
          })}
        >
          <p>
            {template
              ? 'Its disks become writable again and it can be started. This is refused while linked clones still stand on its disks.'
              : 'A template is never started: its disks become read-only so that linked clones can stand on them.'}
          </p>
        </RequestDialog>
      ) : null}
    </>
  );
}
