import 'server-only';
import { NotFoundError } from '@/lib/errors';
import { hostById, type HostContext } from '@/lib/hosts';
import { readJob } from './store';

/** The host a job worked on: what it made (and kept) is there, and a retry goes there too. */
export async function hostOfJob(id: string): Promise<HostContext> {
  const job = await readJob(id);
  if (!job) throw new NotFoundError('There is no such job.');
  return hostById(job.host);
}
