import 'server-only';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { rollBack } from './resources';
import { patchJob, readJob } from './store';
import type { JobView } from './types';

// What a failed job kept on purpose (a VM that would not start, and its disks) stays until someone decides: fix
// and start it, or remove it. This is the removal, the same rollback a failure would have done, asked for later.

export async function removeKept(host: HostContext, id: string): Promise<JobView> {
  const job = await readJob(id);
  if (!job) throw new NotFoundError('There is no such job.');
  if (job.status === 'running') throw new ConflictError('The job is still running; cancel it instead.');
  if (!job.kept?.length) throw new ConflictError('This job kept nothing that is left to remove.');
  const rollback = await rollBack(await host.libvirt(), job.kept);
  const left = rollback.filter((r) => r.outcome === 'failed').map((r) => r.resource);
  await patchJob(id, { result: { ...job.result, kept: left, rollback } });
  return (await readJob(id))!;
}
