import { describe, expect, it } from 'vitest';
import { hostPoint, type NodeSnapshot } from './host-point';

const node = (cpu: Record<string, bigint>, extra: Partial<NodeSnapshot> = {}): NodeSnapshot => ({
  cpu,
  memory: { total: 1000n, free: 100n, buffers: 50n, cached: 250n },
  pools: [{ name: 'default', active: true, capacity: 100, allocation: 40, available: 60 }],
  running: 3,
  defined: 10,
  load1: 0.5,
  ...extra,
});

describe('hostPoint', () => {
  it('has CPU and iowait from the node counters, memory used without caches, VMs and pools', () => {
    const a = { at: 0, value: node({ kernel: 0n, user: 0n, idle: 0n, iowait: 0n }) };
    const b = { at: 10_000, value: node({ kernel: 10n, user: 30n, idle: 50n, iowait: 10n }) };
    expect(hostPoint(a, b)).toEqual({
      cpu: 40,
      iowait: 10,
      memTotal: 1000 * 1024,
      memUsed: 600 * 1024,
      load1: 0.5,
      runningVms: 3,
      definedVms: 10,
      'pool/default/capacity': 100,
      'pool/default/allocation': 40,
    });
  });

  it('has no CPU for the first sample, across a long gap, or when the counters went back (a reboot)', () => {
    const a = { at: 0, value: node({ kernel: 100n, user: 100n, idle: 100n }) };
    expect(hostPoint(undefined, a).cpu).toBeUndefined();
    expect(hostPoint(a, { at: 3_600_000, value: node({ kernel: 200n, user: 200n, idle: 200n }) }).cpu).toBeUndefined();
    expect(hostPoint(a, { at: 10_000, value: node({ kernel: 1n, user: 1n, idle: 1n }) }).cpu).toBeUndefined();
  });

  it('leaves out inactive pools and the load of a remote host', () => {
    const p = hostPoint(undefined, {
      at: 0,
      value: node({}, { load1: null, pools: [{ name: 'off', active: false, capacity: 0, allocation: 0, available: 0 }] }),
    });
    expect(Object.keys(p).some((k) => k.startsWith('pool/') || k === 'load1')).toBe(false);
  });
});
