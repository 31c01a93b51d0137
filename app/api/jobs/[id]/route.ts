import { NotFoundError } from '@/lib/errors';
import { defineRoute } from '@/lib/http/route';
import { jobParams, readJob } from '@/lib/jobs/store';

export const GET = defineRoute({
  summary: 'One job: its steps, progress and outcome',
  access: 'vm.read',
  params: jobParams,
  run: async ({ params }) => (await readJob(params.id)) ?? Promise.reject(new NotFoundError('There is no such job.')),
});
