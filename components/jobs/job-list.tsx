'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { useJobs } from '@/components/data/hooks';
import type { JobView } from '@/components/data/types';
import { DataTable, type Column } from '@/components/ui/data-table';
import { jobDuration, jobStage, jobTitle, orderJobs } from './job-summary';

// The task list: running and recent jobs, who started them, how far they are; each links to its own page.

const TONE: Record<JobView['status'], string> = {
  running: 'bg-sky-100 text-sky-800',
  succeeded: 'bg-emerald-100 text-emerald-800',
  failed: 'bg-red-100 text-red-800',
  cancelled: 'bg-slate-200 text-slate-700',
};

/** The clock running jobs' durations are measured against, ticking while any runs. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [ticking]);
  return now;
}

function Progress({ job }: { job: JobView }) {
  const s = jobStage(job);
  const where = `${s.finished} of ${s.total} steps`;
  return (
    <div className="min-w-40" data-testid={`job-progress-${job.id}`}>
      <span>
        {where}
        {s.step && job.status !== 'succeeded' ? <span className="text-slate-600"> · {s.step}</span> : null}
        {s.percent !== null ? <span className="tabular-nums"> {s.percent}%</span> : null}
      </span>
      {job.status === 'running' ? (
        <div
          className="mt-1 h-1.5 w-full max-w-48 rounded bg-slate-200"
          role="progressbar"
          aria-label={`Progress of ${jobTitle(job)}`}
          aria-valuenow={s.finished}
          aria-valuemin={0}
          aria-valuemax={s.total}
        >
          <div
            className="h-1.5 rounded bg-sky-600"
            style={{ width: `${s.total ? Math.round(((s.finished + (s.percent ?? 0) / 100) / s.total) * 100) : 0}%` }}
          />
        </div>
      ) : null}
      {job.status === 'failed' && job.error ? <span className="mt-0.5 block text-xs text-red-800">{job.error}</span> : null}
    </div>
  );
}

function columns(now: number): Column<JobView>[] {
  return [
    {
      id: 'what',
      header: 'What',
      cell: (j) => (
        <Link href={`/jobs/${j.id}`} className="font-medium text-sky-800 hover:underline">
          {jobTitle(j)}
        </Link>
      ),
    },
    {
      id: 'state',
      header: 'State',
      cell: (j) => (
        <span data-testid={`job-state-${j.id}`} data-status={j.status} className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONE[j.status]}`}>
          {j.status}
        </span>
      ),
    },
    { id: 'progress', header: 'Progress', cell: (j) => <Progress job={j} /> },
    { id: 'host', header: 'Host', className: 'text-slate-600', cell: (j) => j.host },
    { id: 'who', header: 'Who', cell: (j) => j.username },
    {
      id: 'started',
      header: 'Started',
      className: 'whitespace-nowrap text-slate-600',
      cell: (j) => <time dateTime={j.createdAt}>{new Date(j.createdAt).toLocaleString()}</time>,
    },
    { id: 'took', header: 'Took', className: 'whitespace-nowrap tabular-nums text-slate-600', cell: (j) => jobDuration(j, now) },
  ];
}

export function JobList({ initial }: { initial: JobView[] }) {
  const { data, error } = useJobs(initial);
  const jobs = data?.jobs;
  const running = jobs?.some((j) => j.status === 'running') ?? false;
  const now = useNow(running);
  const rows = useMemo(() => (jobs ? orderJobs(jobs) : undefined), [jobs]);
  const cols = useMemo(() => columns(now), [now]);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600" data-testid="jobs-summary">
        {jobs ? `${jobs.filter((j) => j.status === 'running').length} running, ${jobs.length} in all (the newest 50).` : 'Loading…'}
      </p>
      <DataTable
        rows={rows}
        columns={cols}
        rowKey={(j) => j.id}
        rowTestId={(j) => `job-row-${j.id}`}
        rowClassName="align-top"
        testId="jobs-table"
        error={error}
        empty={<p className="py-4 text-center">No jobs yet. Creating a virtual machine runs as a job.</p>}
      />
    </div>
  );
}
