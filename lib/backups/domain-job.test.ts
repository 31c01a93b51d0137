import { describe, expect, it } from 'vitest';
import { jobProgress, pollDelay } from './domain-job';

describe('pollDelay', () => {
  it('starts at 10 ms, grows, and never exceeds 250 ms', () => {
    expect(pollDelay(0)).toBe(10);
    const delays = Array.from({ length: 30 }, (_, n) => pollDelay(n));
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(Math.max(...delays)).toBe(250);
    // Within the first half second libvirt is asked several times, so a short job is seen ending soon after.
    let t = 0;
    let polls = 0;
    while (t + pollDelay(polls) <= 500) t += pollDelay(polls++);
    expect(polls).toBeGreaterThanOrEqual(6);
  });
});

describe('jobProgress', () => {
  it('reads disk bytes, else data bytes, and nothing without a total', () => {
    expect(jobProgress({ disk_processed: 5n, disk_total: 10n })).toEqual({ done: 5, total: 10 });
    expect(jobProgress({ data_processed: 1, data_total: 4 })).toEqual({ done: 1, total: 4 });
    expect(jobProgress({ disk_processed: 5 })).toBeNull();
  });
});
