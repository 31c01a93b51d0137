import { audited } from '@/lib/http/audited';
import { authorize } from '@/lib/http/guard';
import { problem } from '@/lib/http/problem';
import { cancelJob } from '@/lib/jobs/runner';
import { readJob } from '@/lib/jobs/store';

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const actor = await authorize(req, 'vm.create', { type: 'job', name: id });
  if (actor instanceof Response) return actor;
  const job = /^[0-9a-f-]{36}$/.test(id) ? await readJob(id) : null;
  if (!job) return problem(404, 'There is no such job.');
  if (job.status !== 'running') return problem(409, `The job has already ${job.status === 'succeeded' ? 'finished' : job.status}.`);
  return audited(actor, { action: 'job.cancel', objectType: 'job', objectName: job.objectName, detail: { jobId: id } }, async () => ({ cancelling: cancelJob(id) }));
}
