import { Cron } from 'croner';

// Cron expressions through croner: five fields (minute hour day-of-month month day-of-week), evaluated in UTC so a
// schedule means the same on every server. Both functions take the instant to start from, never the clock.

function parse(expr: string): Cron {
  return new Cron(expr, { paused: true, timezone: 'UTC', mode: '5-part' });
}

/** Why the expression is not usable, in words; null when it is. */
export function cronProblem(expr: string): string | null {
  try {
    if (!parse(expr).nextRun(new Date(0))) return 'This expression never fires.';
    return null;
  } catch (err) {
    return `Not a cron expression (minute hour day month weekday, e.g. "0 3 * * *"): ${(err as Error).message}`;
  }
}

/** The first firing strictly after `from`. */
export function nextRun(expr: string, from: Date): Date | null {
  try {
    return parse(expr).nextRun(from);
  } catch {
    return null;
  }
}

/** Whether a schedule last run (or created) at `since` has a firing due at `now`. */
export function isDue(expr: string, since: Date, now: Date): boolean {
  const next = nextRun(expr, since);
  return next !== null && next.getTime() <= now.getTime();
}
