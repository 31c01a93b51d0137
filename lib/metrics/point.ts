// A point: the values of one series (a VM or a host) at one time, keyed by what they measure. Keys are
// "cpu", "memUsed", or "<group>/<device>/<field>" such as "disk/vda/readBps" and "nic/52:54:00:12:34:56/rxBps".
// A missing key means "not known then" (a gap in a graph), never zero.

export type Point = Record<string, number>;

/** Per-device groups and the fields each device has. */
export const GROUP_FIELDS = {
  vcpu: ['percent', 'steal'],
  disk: ['readBps', 'writeBps', 'readIops', 'writeIops', 'readLatencyMs', 'writeLatencyMs'],
  nic: ['rxBps', 'txBps', 'rxPps', 'txPps', 'rxErrors', 'txErrors', 'rxDrops', 'txDrops'],
  pool: ['capacity', 'allocation'],
} as const;

export type Group = keyof typeof GROUP_FIELDS;

/** Fields of a VM series, before its devices. */
export const VM_FIELDS = ['cpu', 'cpuMax', 'steal', 'memUsed', 'memBalloon', 'memAvailable', 'memRss'] as const;
/** Fields of a host series, before its pools. */
export const HOST_FIELDS = ['cpu', 'cpuMax', 'iowait', 'memUsed', 'memTotal', 'load1', 'runningVms', 'definedVms'] as const;

/** Fields that keep their peak when points are merged into a coarser bucket: "cpuMax" is the peak of "cpu". */
export const PEAK_OF: Readonly<Record<string, string>> = { cpuMax: 'cpu' };

export function deviceKey(group: Group, device: string, field: string): string {
  return `${group}/${device}/${field}`;
}

/** The group and device a key belongs to, or null for a series-level field. */
export function splitKey(key: string): { group: string; device: string; field: string } | null {
  const first = key.indexOf('/');
  if (first < 0) return null;
  const last = key.lastIndexOf('/');
  return { group: key.slice(0, first), device: key.slice(first + 1, last), field: key.slice(last + 1) };
}

/** Sets `key` when the value is a finite number; anything else stays a gap. */
export function put(p: Point, key: string, value: number | null | undefined): void {
  if (value !== null && value !== undefined && Number.isFinite(value)) p[key] = value;
}
