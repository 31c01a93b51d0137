import { describe, expect, it } from 'vitest';
import type { CurrentUsage, VmUsage } from './collector';
import { sortUsage } from './usage';

const vm = (name: string, cpuCores: number | null, memUsed: number | null): VmUsage => ({
  uuid: name,
  name,
  vcpus: 2,
  cpu: cpuCores === null ? null : cpuCores * 50,
  cpuCores,
  memUsed,
  memTotal: 100,
  memPercent: memUsed,
  recentCpu: [],
  recentMem: [],
});

const usage: CurrentUsage = {
  host: 'local',
  at: 0,
  intervalSeconds: 10,
  hostPoint: {},
  recentT: [],
  vms: [vm('b', 0.5, 10), vm('a', 1.5, null), vm('c', null, 90), vm('d', 0.5, 5)],
};

describe('sortUsage', () => {
  it('puts the busiest first, unknown values last, ties by name', () => {
    expect(sortUsage(usage, 'cpuCores', 'desc').vms.map((v) => v.name)).toEqual(['a', 'b', 'd', 'c']);
    expect(sortUsage(usage, 'cpuCores', 'asc').vms.map((v) => v.name)).toEqual(['b', 'd', 'a', 'c']);
    expect(sortUsage(usage, 'memory', 'desc', 2).vms.map((v) => v.name)).toEqual(['c', 'b']);
    expect(sortUsage(usage, 'name', 'asc').vms.map((v) => v.name)).toEqual(['a', 'b', 'c', 'd']);
  });
});
