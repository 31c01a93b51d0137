import type { JobView } from '@/components/data/types';

// What the task list says about a job in one line each: what it does, how far it is, how long it took.

const KINDS: Record<string, string> = {
  'vm.create': 'Create virtual machine',
  'vm.migrate': 'Migrate virtual machine',
  'vm.move': 'Move virtual machine',
  'vm.backup': 'Back up',
  'vm.restore': 'Restore into',
  'backup.verify': 'Verify a backup of',
};

/** "Create virtual machine web-01"; a kind this list does not know yet is shown as its code. */
export function jobTitle(job: Pick<JobView, 'kind' | 'objectName'>): string {
  return `${KINDS[job.kind] ?? job.kind} ${job.objectName}`;
}

export interface JobStage {
  /** Steps finished (done or skipped) and all steps. */
  finished: number;
  total: number;
  /** The step running now, or the one that failed; null when none is. */
  step: string | null;
  /** 0..100 of the running step, when it reports progress. */
  percent: number | null;
}

export function jobStage(job: Pick<JobView, 'status' | 'steps' | 'progress'>): JobStage {
  const finished = job.steps.filter((s) => s.status === 'done' || s.status === 'skipped').length;
  const current = job.steps.find((s) => s.status === 'running') ?? job.steps.find((s) => s.status === 'failed');
  const running = job.status === 'running' && current?.status === 'running';
  return {
    finished,
    total: job.steps.length,
    step: current?.label ?? null,
    percent: running && job.progress > 0 ? Math.round(job.progress * 100) : null,
  };
}

/** "4 s", "2 min 5 s", "1 h 3 min": from the start to the end, or to now while it runs. */
export function jobDuration(job: Pick<JobView, 'createdAt' | 'finishedAt'>, now: number): string {
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  const s = Math.max(0, Math.round((end - Date.parse(job.createdAt)) / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`;
}

/** Running jobs first (oldest of them first: they have been waiting longest), then the rest newest first. */
export function orderJobs<T extends Pick<JobView, 'status' | 'createdAt'>>(jobs: readonly T[]): T[] {
  const running = jobs.filter((j) => j.status === 'running').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const rest = jobs.filter((j) => j.status !== 'running').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return [...running, ...rest];
}
