'use client';

import { hostPage } from '@/components/data/keys';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useJob } from '@/components/data/hooks';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type { JobStep, JobView } from '@/components/data/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { JobFailureActions, type FailureOffers } from './job-failure-actions';

// A job's steps as the server records them, re-read while it runs, so a reload (or another tab) shows the same.

const ICON: Record<JobStep['status'], string> = { pending: '○', running: '◐', done: '✓', failed: '✗', skipped: '–' };
const TONE: Record<JobStep['status'], string> = {
  pending: 'text-slate-400',
  running: 'text-sky-700',
  done: 'text-green-700',
  failed: 'text-red-700',
  skipped: 'text-slate-400',
};

export type { FailureOffers };

function describe(r: NonNullable<JobView['rollback']>[number]): string {
  const what = r.resource.type === 'volume' ? `volume ${r.resource.pool}/${r.resource.name}` : `domain ${r.resource.name}`;
  return r.outcome === 'failed' ? `${what}: could not be removed (${r.error})` : `${what}: removed`;
}

export function JobProgress({ initial, then, canCancel, offers }: { initial: JobView; then: string | null; canCancel: boolean; offers: FailureOffers }) {
  const router = useRouter();
  const { data, error: readError } = useJob(initial.id, initial);
  const job = data ?? initial;
  const cancelling = useMutation();
  const error = cancelling.problem?.message ?? readError?.message;

  const vm = encodeURIComponent(job.objectName);
  const started = job.result?.started === true;
  useEffect(() => {
    if (job.status === 'succeeded' && then === 'console' && started) router.push(hostPage(job.host, `/vms/${vm}/console`));
  }, [job.status, job.host, then, started, router, vm]);

  const cancel = () => cancelling.send(`${keys.job(job.id)}/cancel`, { touches: [keys.job(job.id)] });

  return (
    <div className="space-y-4" data-testid="job" data-status={job.status}>
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">Creating {job.objectName}</h1>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs" data-testid="job-status">
          {job.status}
        </span>
        {job.status === 'running' && canCancel ? (
          <Button className="ml-auto" disabled={cancelling.busy} onClick={() => void cancel()}>
            Cancel
          </Button>
        ) : null}
      </div>
      <Alert>{error}</Alert>
      <ol className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="job-steps">
        {job.steps.map((st) => (
          <li key={st.id} data-step={st.id} data-status={st.status}>
            <span className={`mr-2 font-mono ${TONE[st.status]}`} aria-hidden>
              {ICON[st.status]}
            </span>
            <span className={st.status === 'pending' ? 'text-slate-500' : ''}>{st.label}</span>
            <span className="sr-only"> ({st.status})</span>
            {st.detail ? <span className="ml-2 text-xs text-slate-600">{st.detail}</span> : null}
            {st.status === 'running' && job.progress > 0 ? (
              <div
                className="mt-1 h-2 w-full max-w-md rounded bg-slate-200"
                role="progressbar"
                aria-valuenow={Math.round(job.progress * 100)}
                aria-valuemin={0}
                aria-valuemax={100}
              >
                <div className="h-2 rounded bg-sky-600" style={{ width: `${Math.round(job.progress * 100)}%` }} />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {job.status === 'succeeded' ? (
        <Alert tone="info" testId="job-succeeded">
          {job.objectName} was created{started ? ' and started' : ''}.{' '}
          <Link className="underline" href={hostPage(job.host, `/vms/${vm}`)}>
            Open it
          </Link>
          {started ? (
            <>
              {' '}
              or its{' '}
              <Link className="underline" href={hostPage(job.host, `/vms/${vm}/console`)}>
                console
              </Link>
            </>
          ) : null}
          .
        </Alert>
      ) : null}
      {job.status === 'failed' || job.status === 'cancelled' ? (
        <Alert testId="job-failed">
          <p>{job.status === 'cancelled' ? 'Cancelled.' : `Creation failed: ${job.error}`}</p>
          {job.kept?.length ? null : job.rollback?.length ? (
            <>
              <p className="mt-2 font-medium">Rolled back:</p>
              <ul className="list-disc pl-5" data-testid="job-rollback">
                {job.rollback.map((r, i) => (
                  <li key={i}>{describe(r)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mt-1">Nothing had been created yet.</p>
          )}
          <JobFailureActions job={job} offers={offers} />
        </Alert>
      ) : null}
    </div>
  );
}
