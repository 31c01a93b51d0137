import type { CurrentUsage, VmUsage } from './collector';
import type { USAGE_SORTS } from './queries';

// The VM list's "which VM is eating the host?": the newest usage of every running VM, sorted.

export type UsageSort = (typeof USAGE_SORTS)[number];

const VALUE: Record<Exclude<UsageSort, 'name'>, (v: VmUsage) => number | null> = {
  cpu: (v) => v.cpu,
  cpuCores: (v) => v.cpuCores,
  memory: (v) => v.memUsed,
  memPercent: (v) => v.memPercent,
};

/** Sorted by the field (unknown values last, whatever the order), then by name. */
export function sortUsage(u: CurrentUsage, sort: UsageSort, order: 'asc' | 'desc', limit?: number): CurrentUsage {
  const dir = order === 'asc' ? 1 : -1;
  const byName = (a: VmUsage, b: VmUsage) => a.name.localeCompare(b.name, undefined, { numeric: true });
  const vms = [...u.vms].sort((a, b) => {
    if (sort === 'name') return dir * byName(a, b);
    const x = VALUE[sort](a);
    const y = VALUE[sort](b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return x === y ? byName(a, b) : dir * (x - y);
  });
  return { ...u, vms: limit ? vms.slice(0, limit) : vms };
}
