import { jobInPath } from '@/lib/http/audit';
import { defineRoute } from '@/lib/http/route';
import { hostOfJob } from '@/lib/jobs/host-of-job';
import { removeKept } from '@/lib/jobs/kept';
import { jobParams } from '@/lib/jobs/store';

export const POST = defineRoute({
  summary: 'Remove what a failed job kept (a VM that would not start and the disks it made)',
  access: 'vm.delete',
  params: jobParams,
  audit: { action: 'job.remove-kept', ...jobInPath },
  run: async ({ params }) => removeKept(await hostOfJob(params.id), params.id),
});
