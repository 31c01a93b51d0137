import { describe, expect, it } from 'vitest';
import { mergePoints } from './merge';

describe('mergePoints', () => {
  it('averages by time, ignores gaps and keeps the CPU peak', () => {
    const m = mergePoints([
      { point: { cpu: 10, memUsed: 100 }, weight: 10 },
      { point: { cpu: 90 }, weight: 10 },
      { point: { cpu: 20, memUsed: 300 }, weight: 20 },
    ]);
    expect(m.cpu).toBeCloseTo((10 * 10 + 90 * 10 + 20 * 20) / 40);
    expect(m.memUsed).toBeCloseTo((100 * 10 + 300 * 20) / 30);
    expect(m.cpuMax).toBe(90);
  });

  it('keeps the peak of points that were already merged', () => {
    expect(
      mergePoints([
        { point: { cpu: 5, cpuMax: 70 }, weight: 60 },
        { point: { cpu: 50 }, weight: 10 },
      ]).cpuMax,
    ).toBe(70);
    expect(mergePoints([])).toEqual({});
  });
});
