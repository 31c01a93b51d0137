import 'server-only';
import type { HostContext } from '@/lib/hosts';
import { log } from '@/lib/log';
import { processSingleton } from '@/lib/process/singleton';
import { systemClock, type Clock } from './plan';
import { runDueSchedules } from './schedules';

// The server's schedule clock: every half minute, the host's due schedules run (one pass at a time: a pass that
// takes longer than the interval is not overlapped by the next).

const TICK_MS = 30_000;

/** Starts the host's schedule clock; returns what stops it (the host was edited or removed). */
export function startBackupScheduler(host: HostContext, clock: Clock = systemClock): () => void {
  const state = processSingleton(`backups.scheduler.${host.id}`, () => ({ timer: null as NodeJS.Timeout | null, busy: false }));
  const stop = () => {
    if (state.timer) clearInterval(state.timer);
    state.timer = null;
  };
  if (state.timer) return stop;
  state.timer = setInterval(() => {
    if (state.busy) return;
    state.busy = true;
    runDueSchedules(host, clock.now())
      .catch((err: Error) => log().warn(`backup schedules on ${host.name}: ${err.message}`))
      .finally(() => (state.busy = false));
  }, TICK_MS);
  state.timer.unref();
  return stop;
}
