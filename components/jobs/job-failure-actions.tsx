'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { hostPage, keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type { JobView } from '@/components/data/types';
import { Button } from '@/components/ui/button';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { ProblemNote } from '@/components/ui/problem-note';

// What the user can do once a create job has failed. A VM that was defined but would not start was kept: look at
// it (Hardware, XML), start it again, or remove what the job made. A job whose work was rolled back can be run
// again with the same settings, or its settings taken back to the wizard.

/** What this user may do here (and whether the server still holds the job's settings). */
export interface FailureOffers {
  /** May create VMs (retry, back to the wizard). */
  create: boolean;
  /** The server still holds the settings the job started from. */
  settingsKept: boolean;
  start: boolean;
  remove: boolean;
  edit: boolean;
}

function what(r: NonNullable<JobView['kept']>[number]): string {
  return r.type === 'volume' ? `volume ${r.pool}/${r.name}` : `virtual machine ${r.name}`;
}

function KeptVm({ job, offers }: { job: JobView; offers: FailureOffers }) {
  const host = job.host;
  const vm = encodeURIComponent(job.objectName);
  const starting = useMutation();
  const removing = useMutation();
  const [started, setStarted] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const kept = job.kept ?? [];

  const start = async () => {
    const r = await starting.send(`${keys.vm(host, job.objectName)}/actions`, { body: { action: 'start' }, touches: [keys.vms(host)] });
    if (r.ok) setStarted(true);
  };
  const remove = async () => {
    const r = await removing.send(`${keys.job(job.id)}/remove-kept`, { touches: [keys.job(job.id), keys.vms(host)] });
    if (r.ok) setConfirm(false);
  };

  return (
    <div className="mt-3 space-y-2 text-slate-900" data-testid="job-kept">
      <p>
        <span className="font-medium">Kept:</span> {kept.map(what).join(', ')}.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {offers.edit ? (
          <>
            <Link
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
              href={hostPage(job.host, `/vms/${vm}?tab=hardware`)}
            >
              Open its Hardware tab
            </Link>
            <Link
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
              href={hostPage(job.host, `/vms/${vm}?tab=xml`)}
            >
              Open its XML
            </Link>
          </>
        ) : null}
        {offers.start ? (
          <Button variant="primary" disabled={starting.busy || started} onClick={() => void start()}>
            {starting.busy ? 'Starting…' : 'Try starting it again'}
          </Button>
        ) : null}
        {offers.remove ? (
          <Button variant="danger" disabled={removing.busy} onClick={() => setConfirm(true)}>
            Remove what this job created…
          </Button>
        ) : null}
      </div>
      {starting.problem ? <ProblemNote problem={starting.problem} /> : null}
      {started ? (
        <p role="status" data-testid="job-kept-started">
          {job.objectName} is starting.{' '}
          <Link className="underline" href={hostPage(job.host, `/vms/${vm}/console`)}>
            Open its console
          </Link>
          .
        </p>
      ) : null}
      <ChangeDialog
        open={confirm}
        title="Remove what this job created"
        onClose={() => setConfirm(false)}
        onSubmit={() => void remove()}
        submitLabel="Remove"
        busyLabel="Removing…"
        busy={removing.busy}
        problem={removing.problem}
        danger
        testId="job-remove-kept"
      >
        <p className="text-sm">This removes, for good:</p>
        <ul className="list-disc pl-5 text-sm">
          {[...kept].reverse().map((r) => (
            <li key={what(r)}>{what(r)}</li>
          ))}
        </ul>
      </ChangeDialog>
    </div>
  );
}

function RolledBack({ job, offers }: { job: JobView; offers: FailureOffers }) {
  const router = useRouter();
  const retrying = useMutation();
  const [leaving, setLeaving] = useState(false);
  const retry = async () => {
    const r = await retrying.send<{ jobId: string }>(`${keys.job(job.id)}/retry`);
    if (!r.ok) return;
    setLeaving(true);
    router.push(`/jobs/${r.data.jobId}`);
  };
  return (
    <div className="mt-3 space-y-2" data-testid="job-retry">
      <div className="flex flex-wrap items-center gap-2">
        {offers.settingsKept ? (
          <Button variant="primary" disabled={retrying.busy || leaving} onClick={() => void retry()}>
            {retrying.busy || leaving ? 'Starting again…' : 'Retry'}
          </Button>
        ) : null}
        <Link
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
          href={hostPage(job.host, `/new-vm?from=${job.id}`)}
        >
          Back to the wizard{offers.settingsKept ? ' with these settings' : ''}
        </Link>
      </div>
      {retrying.problem ? <ProblemNote problem={retrying.problem} /> : null}
    </div>
  );
}

export function JobFailureActions({ job, offers }: { job: JobView; offers: FailureOffers }) {
  if (job.kind !== 'vm.create' || job.status === 'running' || job.status === 'succeeded') return null;
  if (job.kept?.length) return <KeptVm job={job} offers={offers} />;
  return offers.create ? <RolledBack job={job} offers={offers} /> : null;
}
