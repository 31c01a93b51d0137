import { describe, expect, it } from 'vitest';
import { bucketOf, maxPoints, RANGES, TIERS } from './tiers';

describe('tiers', () => {
  it('step 10 s for an hour, 1 min for a day, 15 min for a month, 1 h for a year', () => {
    expect(TIERS.map((t) => [t.step, t.retention])).toEqual([
      [10, 3600],
      [60, 86_400],
      [900, 31 * 86_400],
      [3600, 366 * 86_400],
    ]);
  });

  it('bound the rows of a series: a year of one VM is under 14,000 rows', () => {
    expect(TIERS.map(maxPoints)).toEqual([361, 1441, 2977, 8785]);
    expect(TIERS.map(maxPoints).reduce((a, b) => a + b)).toBeLessThan(14_000);
  });

  it('have each tier cover what the next one rolls up from it', () => {
    for (let k = 1; k < TIERS.length; k++) {
      expect(TIERS[k]!.step % TIERS[k - 1]!.step).toBe(0);
      expect(TIERS[k - 1]!.retention).toBeGreaterThanOrEqual(2 * TIERS[k]!.step);
    }
  });

  it('put a time in its bucket and read each range from a tier that covers it', () => {
    expect(bucketOf(TIERS[2]!, 1_700_000_123)).toBe(1_700_000_100);
    expect(bucketOf(TIERS[0]!, 1_700_000_129.9)).toBe(1_700_000_120);
    for (const r of Object.values(RANGES)) expect(TIERS[r.tier]!.retention).toBeGreaterThanOrEqual(r.seconds);
  });
});
