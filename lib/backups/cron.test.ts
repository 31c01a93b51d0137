import { describe, expect, it } from 'vitest';
import { cronProblem, isDue, nextRun } from './cron';

describe('backup cron expressions', () => {
  it('fires at the next matching minute in UTC', () => {
    expect(nextRun('0 3 * * *', new Date('2026-01-01T02:00:00Z'))?.toISOString()).toBe('2026-01-01T03:00:00.000Z');
    expect(nextRun('0 3 * * *', new Date('2026-01-01T03:00:00Z'))?.toISOString()).toBe('2026-01-02T03:00:00.000Z');
  });

  it('is due once a firing has passed since the last run', () => {
    const since = new Date('2026-01-01T03:00:00Z');
    expect(isDue('0 3 * * *', since, new Date('2026-01-02T02:59:00Z'))).toBe(false);
    expect(isDue('0 3 * * *', since, new Date('2026-01-02T03:00:00Z'))).toBe(true);
  });

  it('explains a bad expression', () => {
    expect(cronProblem('0 3 * * *')).toBeNull();
    expect(cronProblem('every day')).toMatch(/Not a cron expression/);
    expect(cronProblem('0 0 3 * * *')).toMatch(/Not a cron expression/);
    expect(cronProblem('0 0 31 2 *')).not.toBeNull();
  });
});
