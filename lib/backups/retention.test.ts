import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoWeekKey, pointsToKeep, pointsToPrune, type RetainedPoint } from './retention';

const at = (iso: string) => new Date(iso);

/** A full every `every` points, incrementals between; one point per `hours`. */
function series(count: number, every: number, hours = 24): RetainedPoint[] {
  const out: RetainedPoint[] = [];
  for (let i = 0; i < count; i++) {
    const id = `p${i}`;
    out.push({ id, parentId: i % every === 0 ? null : `p${i - 1}`, createdAt: new Date(Date.UTC(2026, 0, 1) + i * hours * 3_600_000) });
  }
  return out;
}

describe('retention', () => {
  it('keeps the last N and the chain they need back to their full', () => {
    const points = series(10, 4); // fulls p0, p4, p8
    expect([...pointsToKeep(points, { keepLast: 1, keepDaily: 0, keepWeekly: 0 })].sort()).toEqual(['p8', 'p9']);
    expect([...pointsToKeep(points, { keepLast: 3, keepDaily: 0, keepWeekly: 0 })].sort()).toEqual(['p4', 'p5', 'p6', 'p7', 'p8', 'p9']);
  });

  it('keeps the newest point of each day and of each ISO week', () => {
    const points = series(48, 1, 6); // every point a full, four a day, 12 days
    const daily = pointsToKeep(points, { keepLast: 0, keepDaily: 2, keepWeekly: 0 });
    expect([...daily].sort()).toEqual(['p43', 'p47']);
    const weekly = pointsToKeep(points, { keepLast: 0, keepDaily: 0, keepWeekly: 3 });
    // 2026-01-01 is a Thursday (week 1); the 12 days reach into week 2 and week 3.
    expect(weekly.size).toBe(3);
    expect(weekly.has('p47')).toBe(true);
  });

  it('names ISO weeks across a year boundary', () => {
    expect(isoWeekKey(at('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeekKey(at('2026-12-28T00:00:00Z'))).toBe('2026-W53');
    expect(isoWeekKey(at('2026-01-05T00:00:00Z'))).toBe('2026-W02');
  });

  it('prunes newest first and never leaves a kept point without its parent (any policy, any chains)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.record({ keepLast: fc.nat(6), keepDaily: fc.nat(4), keepWeekly: fc.nat(3) }),
        (n, every, policy) => {
          const points = series(n, every, 7);
          const pruned = pointsToPrune(points, policy);
          const gone = new Set(pruned.map((p) => p.id));
          for (const p of points) if (!gone.has(p.id) && p.parentId) expect(gone.has(p.parentId)).toBe(false);
          for (let i = 1; i < pruned.length; i++) expect(pruned[i - 1]!.createdAt.getTime()).toBeGreaterThanOrEqual(pruned[i]!.createdAt.getTime());
          if (policy.keepLast > 0) expect(gone.has(`p${n - 1}`)).toBe(false);
        },
      ),
    );
  });
});
