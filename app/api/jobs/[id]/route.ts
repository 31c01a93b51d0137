import { answered } from '@/lib/http/audited';
import { authorize } from '@/lib/http/guard';
import { problem } from '@/lib/http/problem';
import { readJob } from '@/lib/jobs/store';

const ID = /^[0-9a-f-]{36}$/;

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const actor = await authorize(req, 'vm.read');
  if (actor instanceof Response) return actor;
  const { id } = await ctx.params;
  if (!ID.test(id)) return problem(404, 'There is no such job.');
  const job = await readJob(id);
  if (!job) return problem(404, 'There is no such job.');
  return answered(async () => job);
}
