'use client';

import { useState } from 'react';
import { useHostId } from '@/components/hosts/host-scope';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type { VmRow } from '@/components/data/types';
import { Button } from '@/components/ui/button';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { CloneDialog } from './clone-dialog';

/** "Clone…" for a stopped VM, and marking it as a template (or back). */
export function CloneAndTemplate({ name, row, perms }: { name: string; row: VmRow; perms: { edit: boolean; create?: boolean } }) {
  const host = useHostId();
  const [cloning, setCloning] = useState(false);
  const [asking, setAsking] = useState(false);
  const change = useMutation();
  const stopped = row.state === 'shut off';
  const template = !!row.template;
  async function toggle() {
    const r = await change.send(`${keys.vm(host, name)}/template`, {
      method: 'PUT',
      body: { template: !template },
      touches: [keys.vm(host, name), keys.vms(host)],
    });
    if (r.ok) setAsking(false);
  }
  return (
    <>
      {perms.create ? (
        <Button
          className="px-2 py-1 text-xs"
          disabled={!stopped}
          title={stopped ? undefined : 'Shut the VM down to clone it.'}
          onClick={() => setCloning(true)}
          data-testid="clone-open"
        >
          Clone…
        </Button>
      ) : null}
      {perms.edit ? (
        <Button
          className="px-2 py-1 text-xs"
          disabled={!stopped}
          title={stopped ? undefined : 'Shut the VM down first.'}
          onClick={() => setAsking(true)}
          data-testid="template-toggle"
        >
          {template ? 'Unmark template…' : 'Make template…'}
        </Button>
      ) : null}
      {cloning ? <CloneDialog source={name} template={template} onClose={() => setCloning(false)} /> : null}
      {asking ? (
        <ChangeDialog
          open
          title={template ? `Make "${name}" an ordinary VM again?` : `Make "${name}" a template?`}
          submitLabel={template ? 'Unmark' : 'Make template'}
          busy={change.busy}
          problem={change.problem}
          onClose={() => setAsking(false)}
          onSubmit={() => void toggle()}
        >
          <p>
            {template
              ? 'Its disks become writable again and it can be started. This is refused while linked clones still stand on its disks.'
              : 'A template is never started: its disks become read-only so that linked clones can stand on them.'}
          </p>
        </ChangeDialog>
      ) : null}
    </>
  );
}
