import { expect } from 'vitest';
import { jobSettled } from '@/lib/jobs/runner';
import { readJob } from '@/lib/jobs/store';
import type { JobView } from '@/lib/jobs/types';

/** Waits until the job has ended (done, failed or cancelled) and reads back what it recorded. */
export async function settledJob(id: string): Promise<JobView> {
  await jobSettled(id);
  const job = await readJob(id);
  if (!job) throw new Error(`Job ${id} ended without a record`);
  return job;
}

/** Checks that the job succeeded without an error, having run exactly these steps, in this order, each to done. */
export function expectAllStepsDone(job: JobView, stepIds: readonly string[]): void {
  expect(job.error).toBeNull();
  expect(job.status).toBe('succeeded');
  expect(job.steps.map((s) => [s.id, s.status])).toEqual(stepIds.map((id) => [id, 'done']));
}
