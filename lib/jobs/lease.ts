import 'server-only';
import { loadSettings } from '@/lib/config/settings';
import type { Logger } from '@/lib/log';
import { processSingleton } from '@/lib/process/singleton';
import { cancelJob } from './runner';
import { renewLeases } from './store';

// The heartbeat of a server's jobs: a few times per lease, every job this run is running gets its lease renewed,
// so other servers on the database know it is alive and leave the job alone. Cancels that reached another server
// (a flag on the job) are carried out here, where the job runs.

export function startJobHeartbeat(log: Pick<Logger, 'warn'>): void {
  processSingleton('jobs.heartbeat', () => {
    const every = Math.max(500, Math.floor(loadSettings().jobLeaseMs / 3));
    const beat = () =>
      renewLeases()
        .then((cancels) => {
          for (const id of cancels) cancelJob(id);
        })
        .catch((err: Error) => log.warn(`job lease renewal failed: ${err.message}`));
    return setInterval(beat, every).unref();
  });
}
