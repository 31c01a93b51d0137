import { defineRoute } from '@/lib/http/route';
import { listJobs } from '@/lib/jobs/store';

export const GET = defineRoute({
  summary: 'The 50 newest jobs',
  access: 'vm.read',
  run: async () => ({ jobs: await listJobs(50) }),
});
