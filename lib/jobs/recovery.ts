import { recordAudit } from '@/lib/audit/log';
import type { LibvirtClient } from '@/lib/libvirt';
import type { Logger } from '@/lib/log';
import { describeResource, rollBack } from './resources';
import { patchJob, unfinishedJobs } from './store';

// At server start, a job still marked running was cut off by a restart or crash: nothing will finish it, so what
// it made is removed and it is marked failed, with the reason, for the user who reloads its page.

export const INTERRUPTED_MESSAGE = 'The Vireo server stopped while this job was running; what the job had made was removed.';

export async function recoverInterruptedJobs(client: LibvirtClient, processStart: Date, hostId: string): Promise<number> {
  const jobs = await unfinishedJobs(processStart, hostId);
  for (const job of jobs) {
    const rollback = await rollBack(client, job.created);
    const left = rollback.filter((r) => r.outcome === 'failed');
    const error =
      INTERRUPTED_MESSAGE + (left.length ? ` Could not remove: ${left.map((r) => `${describeResource(r.resource)} (${r.error})`).join('; ')}.` : '');
    const steps = job.steps.map((s) => (s.status === 'running' ? { ...s, status: 'failed' as const, detail: 'Interrupted by a server restart.' } : s));
    await patchJob(job.id, { status: 'failed', error, steps, progress: 0, result: { rollback }, finished: true });
    await recordAudit({
      actor: { id: null, username: 'vireo (restart)' },
      action: `${job.kind}.recovered`,
      objectType: job.kind.split('.')[0] ?? 'job',
      objectName: job.objectName,
      outcome: 'error',
      error,
      detail: { jobId: job.id, rolledBack: rollback.map((r) => `${describeResource(r.resource)}: ${r.outcome}`) },
      ip: null,
      host: hostId,
    });
  }
  return jobs.length;
}

/** Runs the sweep once libvirtd answers, retrying quietly while it does not (Vireo may start before libvirtd). */
export function recoverWhenConnected(connect: () => Promise<LibvirtClient>, processStart: Date, log: Pick<Logger, 'warn'>, hostId: string): void {
  const attempt = () => {
    connect()
      .then((client) => recoverInterruptedJobs(client, processStart, hostId))
      .then((n) => {
        if (n) log.warn(`${n} job(s) were cut off by the last shutdown; marked failed and rolled back.`);
      })
      .catch((err: Error) => {
        log.warn(`interrupted-job sweep waits for libvirtd: ${err.message}`);
        setTimeout(attempt, 10_000).unref();
      });
  };
  attempt();
}
