import { jobActor } from '@/lib/http/actor';
import { jobInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { hostOfJob } from '@/lib/jobs/host-of-job';
import { jobParams } from '@/lib/jobs/store';
import { retryCreateVm } from '@/lib/provisioning/create';

export const POST = defineRoute({
  summary: 'Start a failed create job again with the settings it started from (checked again first)',
  access: 'vm.create',
  params: jobParams,
  status: 202,
  audit: { action: 'vm.create.retry', ...jobInPath },
  run: async ({ params, actor }) => retryCreateVm(await hostOfJob(params.id), params.id, jobActor(actor)),
});
