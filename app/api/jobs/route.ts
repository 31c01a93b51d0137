import { answered } from '@/lib/http/audited';
import { authorize } from '@/lib/http/guard';
import { listJobs } from '@/lib/jobs/store';

export async function GET(req: Request) {
  const actor = await authorize(req, 'vm.read');
  if (actor instanceof Response) return actor;
  return answered(async () => ({ jobs: await listJobs(50) }));
}
