'use client';

import { useHostId } from '@/components/hosts/host-scope';
import { useState } from 'react';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type { BackupPointView } from '@/components/data/types';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { JobStarted } from '@/components/jobs/job-started';
import { CheckboxField, RadioGroup, TextField } from '@/components/ui/inputs';
import { PoolChoiceField, usePoolChoice } from './target-pool';

type Mode = 'new-vm' | 'in-place';

export function RestoreDialog({ vm, point, vmRunning, onClose }: { vm: string; point: BackupPointView; vmRunning: boolean; onClose: () => void }) {
  const host = useHostId();
  const [mode, setMode] = useState<Mode>('new-vm');
  const [name, setName] = useState(`${vm}-restored`);
  const pool = usePoolChoice(point.pool);
  const [start, setStart] = useState(false);
  const [job, setJob] = useState<string | null>(null);
  const m = useMutation();
  const submit = async () => {
    const body = mode === 'new-vm' ? { mode, name, pool: pool.value, start } : { mode };
    const r = await m.send<{ jobId: string }>(`${keys.backups(host, vm)}/${point.id}/restore`, { method: 'POST', body, touches: [keys.jobs, keys.vms(host)] });
    if (r.ok) setJob(r.data.jobId);
  };
  return (
    <ChangeDialog
      open
      title={`Restore the backup of ${new Date(point.createdAt).toLocaleString()}`}
      onClose={onClose}
      onSubmit={job ? undefined : () => void submit()}
      submitLabel="Restore"
      busy={m.busy}
      problem={m.problem}
      danger={mode === 'in-place'}
      submitDisabled={mode === 'in-place' && vmRunning}
      testId="restore-dialog"
    >
      {job ? (
        <JobStarted doing="Restoring" jobId={job} testId="restore-job" />
      ) : (
        <>
          <RadioGroup<Mode>
            legend="Restore into"
            value={mode}
            onChange={setMode}
            stacked
            options={[
              { value: 'new-vm', label: 'A new VM (the original stays as it is)' },
              { value: 'in-place', label: `${vm}'s own disks (they are replaced; the VM must be shut off)` },
            ]}
            note={mode === 'in-place' && vmRunning ? 'Shut the VM down first.' : undefined}
          />
          {mode === 'new-vm' ? (
            <>
              <TextField label="Name of the new VM" value={name} onChange={setName} testId="restore-name" error={m.problem?.fields?.name} />
              <PoolChoiceField label="Pool for its disks" choice={pool} testId="restore-pool" />
              <CheckboxField label="Start it afterwards" checked={start} onChange={setStart} />
            </>
          ) : null}
        </>
      )}
    </ChangeDialog>
  );
}
