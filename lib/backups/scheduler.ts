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
    if (state.timer) {
      clearTimeout(state.timer);
      clearInterval(state.timer);
    }
    state.timer = null;
  };
  if (state.timer) return stop;
  const tick = () => {
    if (state.busy) return;
    state.busy = true;
    runDueSchedules(host, clock.now())
      .catch((err: Error) => log().warn(`backup schedules on ${host.name}: ${err.message}`))
      .finally(() => (state.busy = false));
  };
  // Every host's clock starts at server start: each takes its own moment in the half minute, so a fleet's passes (a
  // database query each) are spread out instead of landing together and holding up the live feed.
  state.timer = setTimeout(() => {
    state.timer = setInterval(tick, TICK_MS).unref();
    tick();
  }, Math.random() * TICK_MS).unref();
  return stop;
}
