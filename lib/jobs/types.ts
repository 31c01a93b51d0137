// What the browser sees of a job. Types only, so client components may import this file.

export type JobStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';
export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

export interface JobStep {
  id: string;
  label: string;
  status: StepStatus;
  /** A short note: "cached, no download", "512 MiB of 2 GiB", libvirt's reason on failure. */
  detail?: string;
}

/** Something a job made, so that a failure, a cancel or a restart can remove exactly that. */
export type CreatedResource = { type: 'volume'; pool: string; name: string } | { type: 'domain'; name: string; uuid: string };

export interface RollbackRecord {
  resource: CreatedResource;
  outcome: 'removed' | 'already-gone' | 'failed';
  error?: string;
}

export interface JobView {
  id: string;
  kind: string;
  objectName: string;
  status: JobStatus;
  steps: JobStep[];
  /** 0..1 within the running step that reports progress (downloads, copies). */
  progress: number;
  error: string | null;
  /** Present once rollback ran: what was removed. */
  rollback: RollbackRecord[] | null;
  /**
   * What a failed job made and kept on purpose (a VM that would not start), newest last, until someone removes it
   * (then `rollback` says how that went and this is empty).
   */
  kept: CreatedResource[] | null;
  result: Record<string, unknown> | null;
  username: string;
  /** The host the job works on (Host.id). */
  host: string;
  createdAt: string;
  finishedAt: string | null;
}
