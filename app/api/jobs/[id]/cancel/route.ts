import { ConflictError, NotFoundError } from '@/lib/errors';
import { jobInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { cancelJob } from '@/lib/jobs/runner';
import { jobParams, readJob, requestCancel } from '@/lib/jobs/store';

export const POST = defineRoute({
  summary: 'Cancel a running job (what it made is rolled back)',
  access: 'vm.create',
  params: jobParams,
  audit: { action: 'job.cancel', ...jobInPath },
  run: async ({ params }) => {
    const job = await readJob(params.id);
    if (!job) throw new NotFoundError('There is no such job.');
    if (job.status !== 'running') throw new ConflictError(`The job has already ${job.status === 'succeeded' ? 'finished' : job.status}.`);
    // Running here, or on another server on the database: its heartbeat sees the request within a third of a lease.
    return { cancelling: cancelJob(params.id) || (await requestCancel(params.id)) };
  },
});
