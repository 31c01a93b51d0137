import { setTimeout as sleep } from 'node:timers/promises';
import { DomainGetJobStatsFlags, DomainJobType, type DomainRef, type LibvirtClient, type ParamValue } from '@/lib/libvirt';

// Following a libvirt domain job (here, a push backup) to its end: its statistics are polled for progress, the
// job's own end record says whether it completed, and cancelling the Vireo job aborts the libvirt one.

// The first polls come quickly and then slow down: a small incremental is done within tens of milliseconds (a fixed
// 250 ms poll made it wait for nothing), while a long full backup is still asked only four times a second.
const FIRST_POLL_MS = 10;
const MAX_POLL_MS = 250;

/** The wait before poll number `n` (0-based): 10 ms growing by half each time, up to 250 ms. */
export function pollDelay(n: number): number {
  return Math.min(MAX_POLL_MS, Math.round(FIRST_POLL_MS * 1.5 ** n));
}

function num(v: ParamValue | undefined): number | null {
  return v === undefined || typeof v === 'string' || typeof v === 'boolean' ? null : Number(v);
}

/** Done and total bytes of a running backup, as far as libvirt reports them. */
export function jobProgress(params: Record<string, ParamValue>): { done: number; total: number } | null {
  const done = num(params.disk_processed) ?? num(params.data_processed);
  const total = num(params.disk_total) ?? num(params.data_total);
  return done !== null && total ? { done, total } : null;
}

export class DomainJobFailed extends Error {
  override name = 'DomainJobFailed';
}

/**
 * Waits until the domain has no job running, reporting progress, then reads how the job ended. An abort of
 * `signal` aborts libvirt's job and rejects with the signal's reason once libvirt has stopped it.
 */
export async function followDomainJob(
  client: LibvirtClient,
  dom: DomainRef,
  signal: AbortSignal,
  onProgress: (fraction: number, detail: string) => void,
): Promise<void> {
  let aborted = false;
  for (let n = 0; ; n++) {
    if (signal.aborted && !aborted) {
      aborted = true;
      await client.backups.abortJob(dom).catch(() => undefined);
    }
    const now = await client.backups.jobStats(dom);
    if (now.type === DomainJobType.NONE) break;
    const p = jobProgress(now.params);
    if (p) onProgress(p.done / p.total, `${Math.round(p.done / 1048576)} of ${Math.round(p.total / 1048576)} MiB`);
    await sleep(pollDelay(n));
  }
  const end = await client.backups.jobStats(dom, DomainGetJobStatsFlags.COMPLETED).catch(() => null);
  if (aborted || signal.aborted) throw signal.reason as Error;
  if (end?.type === DomainJobType.FAILED || end?.type === DomainJobType.CANCELLED) {
    const why = typeof end.params.errmsg === 'string' ? end.params.errmsg : 'no reason given';
    throw new DomainJobFailed(`The backup job ${end.type === DomainJobType.FAILED ? 'failed' : 'was cancelled on the host'}: ${why}.`);
  }
}
