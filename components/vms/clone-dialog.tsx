'use client';

import { useRouter } from 'next/navigation';
import { useHostId } from '@/components/hosts/host-scope';
import { useState } from 'react';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import { fieldError } from '@/components/data/problem';
import { CheckboxField, RadioGroup, TextField } from '@/components/ui/inputs';
import { RequestDialog } from '@/components/ui/request-dialog';

type Mode = 'linked' | 'full';

/** Clones a stopped VM or a template as a job, then shows the job's page. Linked is the default. */
export function CloneDialog({ source, template, onClose }: { source: string; template: boolean; onClose: () => void }) {
  const host = useHostId();
  const router = useRouter();
  const [name, setName] = useState(`${source}-clone`);
  const [mode, setMode] = useState<Mode>('linked');
  const [start, setStart] = useState(false);
  const clone = useMutation();
  const fields = clone.problem?.fields;

  return (
    <RequestDialog<{ jobId: string }>
      mutation={clone}
      title={`Clone "${source}"`}
      submitLabel="Clone"
      onClose={onClose}
      request={() => ({ url: `${keys.vm(host, source)}/clone`, body: { name, mode, start }, touches: [keys.jobs, keys.vm(host, source)] })}
      onSent={({ jobId }) => router.push(`/jobs/${encodeURIComponent(jobId)}`)}
      testId="clone-dialog"
    >
      <TextField label="New name" value={name} onChange={setName} error={fieldError(fields, 'name')} testId="clone-name" required />
      <RadioGroup<Mode>
        legend="Disks"
        value={mode}
        onChange={setMode}
        stacked
        testId="clone-mode"
        error={fieldError(fields, 'mode')}
        options={[
          {
            value: 'linked',
            label: 'Linked: qcow2 overlays on the source disks (instant, shares their blocks)',
            hint: template ? undefined : `"${source}" becomes a template: its disks turn read-only and it can no longer be started.`,
          },
          { value: 'full', label: 'Full: independent copies of every disk (takes as long as copying them)' },
        ]}
      />
      <CheckboxField label="Start the clone when it is ready" checked={start} onChange={setStart} testId="clone-start" />
      <p className="text-xs text-slate-500">
        The clone gets a new UUID and new MAC addresses; a cloud-init guest also gets a new seed with its own hostname and instance id.
      </p>
    </RequestDialog>
  );
}
