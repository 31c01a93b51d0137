import { describe, expect, it } from 'vitest';
import { gridOf, toColumns } from './columns';

describe('gridOf', () => {
  it('reads an hour at 10 s, a day at 1 min, and thins a month to the points asked for', () => {
    expect(gridOf('1h', 10_000)).toEqual({ tier: 0, from: 6410, to: 10_010, step: 10 });
    const day = gridOf('1d', 100_000, 2000);
    expect([day.tier, day.step, (day.to - day.from) / day.step]).toEqual([1, 60, 1440]);
    const month = gridOf('1mo', 1_700_000_000, 720);
    expect(month.tier).toBe(2);
    expect(month.step % 900).toBe(0);
    expect((month.to - month.from) / month.step).toBeLessThanOrEqual(720);
    expect(month.to - month.from).toBeGreaterThanOrEqual(30 * 86_400);
  });
});

describe('toColumns', () => {
  it('puts points on a regular grid with null gaps, merges buckets and lists the devices', () => {
    const grid = { tier: 0, from: 1000, to: 1060, step: 20 };
    const cols = toColumns('1h', grid, [
      { seriesId: 1, tier: 0, t: 1000, point: { cpu: 10, 'disk/vdb/readBps': 1 } },
      { seriesId: 1, tier: 0, t: 1010, point: { cpu: 30, 'disk/vda/readBps': 2 } },
      { seriesId: 1, tier: 0, t: 1050, point: { cpu: 50, 'nic/52:54:00:00:00:01/rxBps': 3 } },
      { seriesId: 1, tier: 0, t: 2000, point: { cpu: 99 } }, // outside the grid
    ]);
    expect(cols.t).toEqual([1000, 1020, 1040]);
    expect(cols.series.cpu).toEqual([20, null, 50]);
    expect(cols.series.cpuMax).toEqual([30, null, 50]);
    expect(cols.series['disk/vda/readBps']).toEqual([2, null, null]);
    expect(cols.devices).toEqual({ disk: ['vda', 'vdb'], nic: ['52:54:00:00:00:01'] });
    expect(cols.tier).toBe('10s');
  });

  it('weights points of different tiers by the time they stand for', () => {
    const grid = { tier: 1, from: 0, to: 120, step: 120 };
    const cols = toColumns('1d', grid, [
      { seriesId: 1, tier: 1, t: 0, point: { cpu: 10 } },
      { seriesId: 1, tier: 0, t: 60, point: { cpu: 70 } },
    ]);
    expect(cols.series.cpu![0]).toBeCloseTo((10 * 60 + 70 * 10) / 70);
  });
});
