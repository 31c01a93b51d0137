import { describe, expect, it } from 'vitest';
import { rollUpPoints } from './rollup';

describe('rollUpPoints', () => {
  it('merges the 10 s points of each minute, per series', () => {
    const rows = [0, 10, 20, 30, 40, 50, 60].flatMap((t) => [
      { seriesId: 1, tier: 0, t: 1200 + t, point: { cpu: t } },
      { seriesId: 2, tier: 0, t: 1200 + t, point: { cpu: 100 } },
    ]);
    const out = rollUpPoints(rows, 10, 1, 60);
    expect(out).toEqual([
      { seriesId: 1, tier: 1, t: 1200, point: { cpu: 25, cpuMax: 50 } },
      { seriesId: 2, tier: 1, t: 1200, point: { cpu: 100, cpuMax: 100 } },
      { seriesId: 1, tier: 1, t: 1260, point: { cpu: 60, cpuMax: 60 } },
      { seriesId: 2, tier: 1, t: 1260, point: { cpu: 100, cpuMax: 100 } },
    ]);
  });
});
