import { recordAudit } from '@/lib/audit/log';
import type { LibvirtClient } from '@/lib/libvirt';
import type { Logger } from '@/lib/log';
import { describeResource, rollBack } from './resources';
import { abandonedJobs, claimJob, patchJob, type InterruptedJob } from './store';

// A job still marked running that nothing runs any more was cut off by a restart or crash (of this server, or of
// another whose lease on it ran out): what it made is removed and it is marked failed, with the reason, for the
// user who reloads its page. A job another live server runs is left alone.

export const INTERRUPTED_MESSAGE = 'The Vireo server stopped while this job was running; what the job had made was removed.';

async function recoverOne(client: LibvirtClient, job: InterruptedJob, hostId: string): Promise<void> {
  const rollback = await rollBack(client, job.created);
  const left = rollback.filter((r) => r.outcome === 'failed');
  const error = INTERRUPTED_MESSAGE + (left.length ? ` Could not remove: ${left.map((r) => `${describeResource(r.resource)} (${r.error})`).join('; ')}.` : '');
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

/** Fails and rolls back the abandoned jobs of one host this server manages to claim; returns how many. */
export async function recoverInterruptedJobs(client: LibvirtClient, processStart: Date, hostId: string): Promise<number> {
  let n = 0;
  for (const seen of await abandonedJobs(processStart, hostId)) {
    const job = await claimJob(seen);
    if (!job) continue; // another server took it first
    await recoverOne(client, job, hostId);
    n++;
  }
  return n;
}

/**
 * Runs the sweep once libvirtd answers, retrying quietly while it does not (Vireo may start before libvirtd), then
 * again every `everyMs`: a server that died while the others live leaves jobs whose lease runs out later.
 */
export function recoverWhenConnected(
  connect: () => Promise<LibvirtClient>,
  processStart: Date,
  log: Pick<Logger, 'warn'>,
  hostId: string,
  everyMs?: number,
): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const later = (ms: number) => {
    if (!stopped) timer = setTimeout(attempt, ms).unref();
  };
  const attempt = () => {
    connect()
      .then((client) => recoverInterruptedJobs(client, processStart, hostId))
      .then((n) => {
        if (n) log.warn(`${n} job(s) were cut off by a server's shutdown; marked failed and rolled back.`);
        // Somewhere in the second half of each lease: hosts connected together drift apart, so a fleet's sweeps (a
        // database query each) do not land at once, and no sweep comes later than a lease.
        if (everyMs) later(everyMs * (0.5 + Math.random() / 2));
      })
      .catch((err: Error) => {
        if (stopped) return;
        log.warn(`interrupted-job sweep waits for libvirtd: ${err.message}`);
        later(10_000);
      });
  };
  attempt();
  // The host was edited or removed: its sweeps end with its context.
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
