import type { DomainStats, ParamValue } from '@/lib/libvirt';

// What one getAllDomainStats call says about one domain, as plain counters and gauges. libvirt sends flat typed
// parameters ("block.0.rd.bytes"); this turns them into objects once, so rates and the Prometheus exposition read
// fields instead of building keys. Counters stay absolute here: rates.ts takes their differences.

export interface VcpuCounters {
  /** libvirt's vCPU number (offline vCPUs are absent, so it need not be the position in the list). */
  index: number;
  /** VcpuState: 0 offline, 1 running, 2 blocked. */
  state: number | null;
  timeNs: number | null;
  /** Time the vCPU thread waited for a host CPU while runnable: the guest sees it as steal. */
  delayNs: number | null;
  waitNs: number | null;
}

export interface DiskCounters {
  /** Target, e.g. "vda". */
  name: string;
  /** Source file or device; null for network disks and empty CD-ROMs. */
  path: string | null;
  rdBytes: number | null;
  wrBytes: number | null;
  rdReqs: number | null;
  wrReqs: number | null;
  rdTimeNs: number | null;
  wrTimeNs: number | null;
  flReqs: number | null;
  flTimeNs: number | null;
  capacity: number | null;
  allocation: number | null;
  physical: number | null;
}

export interface NicCounters {
  /** Host-side device, e.g. "vnet3": it changes at every start. */
  name: string;
  /** From the domain's XML (nic-directory.ts): the NIC's MAC, which names it across restarts, and its bridge. */
  mac?: string | null;
  bridge?: string | null;
  rxBytes: number | null;
  rxPkts: number | null;
  rxErrs: number | null;
  rxDrop: number | null;
  txBytes: number | null;
  txPkts: number | null;
  txErrs: number | null;
  txDrop: number | null;
}

/** The balloon driver's view, in KiB (faults and swap are counts); null when the guest does not report it. */
export interface BalloonStats {
  currentKiB: number | null;
  maximumKiB: number | null;
  availableKiB: number | null;
  usableKiB: number | null;
  unusedKiB: number | null;
  diskCachesKiB: number | null;
  rssKiB: number | null;
  majorFault: number | null;
  minorFault: number | null;
  swapIn: number | null;
  swapOut: number | null;
}

export interface DomainSnapshot {
  uuid: string;
  name: string;
  /** Positive while running; a new id means a new QEMU process, so every counter started again. */
  id: number;
  /** DomainState: 1 running, 3 paused, 5 shut off, ... */
  state: number;
  reason: number;
  cpuTimeNs: number | null;
  cpuUserNs: number | null;
  cpuSystemNs: number | null;
  vcpuCurrent: number | null;
  vcpuMaximum: number | null;
  vcpus: VcpuCounters[];
  balloon: BalloonStats;
  disks: DiskCounters[];
  nics: NicCounters[];
}

/** Stats types the collector asks for: state, cpu, balloon, vcpu, interface, block (DomainStatsTypes bits). */
export const COLLECTED_STATS = 1 | 2 | 4 | 8 | 16 | 32;

function num(v: ParamValue | undefined): number | null {
  if (typeof v === 'bigint' || typeof v === 'number') return Number(v);
  return null;
}

function text(v: ParamValue | undefined): string | null {
  return typeof v === 'string' ? v : null;
}

function count(p: Record<string, ParamValue>, key: string): number {
  const n = num(p[key]);
  // A count larger than libvirt could ever send is a malformed reply, not a reason to allocate millions of rows.
  return n !== null && n >= 0 && n <= 4096 ? n : 0;
}

/** Each counter's field and the suffix of its typed parameter, per row family. */
const VCPU_KEYS = { state: 'state', timeNs: 'time', delayNs: 'delay', waitNs: 'wait' } as const;
const DISK_KEYS = {
  rdBytes: 'rd.bytes',
  wrBytes: 'wr.bytes',
  rdReqs: 'rd.reqs',
  wrReqs: 'wr.reqs',
  rdTimeNs: 'rd.times',
  wrTimeNs: 'wr.times',
  flReqs: 'fl.reqs',
  flTimeNs: 'fl.times',
  capacity: 'capacity',
  allocation: 'allocation',
  physical: 'physical',
} as const;
const NIC_KEYS = {
  rxBytes: 'rx.bytes',
  rxPkts: 'rx.pkts',
  rxErrs: 'rx.errs',
  rxDrop: 'rx.drop',
  txBytes: 'tx.bytes',
  txPkts: 'tx.pkts',
  txErrs: 'tx.errs',
  txDrop: 'tx.drop',
} as const;
const BALLOON_KEYS = {
  currentKiB: 'current',
  maximumKiB: 'maximum',
  availableKiB: 'available',
  usableKiB: 'usable',
  unusedKiB: 'unused',
  diskCachesKiB: 'disk_caches',
  rssKiB: 'rss',
  majorFault: 'major_fault',
  minorFault: 'minor_fault',
  swapIn: 'swap_in',
  swapOut: 'swap_out',
} as const;

/** The numbers under `prefix` that `keys` names, as fields (null where libvirt sent none). */
function numbers<K extends string>(p: Record<string, ParamValue>, prefix: string, keys: Record<K, string>): Record<K, number | null> {
  const out = {} as Record<K, number | null>;
  for (const field of Object.keys(keys) as K[]) out[field] = num(p[`${prefix}${keys[field]}`]);
  return out;
}

/** The rows "<family>.<i>.*" for i below "<family>.count"; `row` skips one by returning null. */
function rows<T>(p: Record<string, ParamValue>, countKey: string, family: string, row: (prefix: string, i: number) => T | null): T[] {
  const out: T[] = [];
  for (let i = 0; i < count(p, countKey); i++) {
    const r = row(`${family}.${i}.`, i);
    if (r) out.push(r);
  }
  return out;
}

/** A disk or NIC row: only those libvirt named. */
function namedRow<K extends string>(p: Record<string, ParamValue>, prefix: string, keys: Record<K, string>) {
  const name = text(p[`${prefix}name`]);
  return name ? { name, ...numbers(p, prefix, keys) } : null;
}

export function parseDomainStats(s: DomainStats): DomainSnapshot {
  const p = s.params;
  const vcpus: VcpuCounters[] = rows(p, 'vcpu.maximum', 'vcpu', (v, index) =>
    p[`${v}state`] === undefined && p[`${v}time`] === undefined ? null : { index, ...numbers(p, v, VCPU_KEYS) },
  );
  const disks: DiskCounters[] = rows(p, 'block.count', 'block', (b) => {
    const row = namedRow(p, b, DISK_KEYS);
    return row && { ...row, path: text(p[`${b}path`]) };
  });
  const nics: NicCounters[] = rows(p, 'net.count', 'net', (n) => namedRow(p, n, NIC_KEYS));
  return {
    uuid: s.dom.uuid,
    name: s.dom.name,
    id: s.dom.id,
    state: num(p['state.state']) ?? 0,
    reason: num(p['state.reason']) ?? 0,
    cpuTimeNs: num(p['cpu.time']),
    cpuUserNs: num(p['cpu.user']),
    cpuSystemNs: num(p['cpu.system']),
    vcpuCurrent: num(p['vcpu.current']),
    vcpuMaximum: num(p['vcpu.maximum']),
    vcpus,
    balloon: numbers(p, 'balloon.', BALLOON_KEYS),
    disks,
    nics,
  };
}

/** Running or paused (or blocked, or being shut down): a QEMU process exists and its counters mean something. */
export function isActive(s: Pick<DomainSnapshot, 'id' | 'state'>): boolean {
  return s.id > 0 && s.state !== 5 && s.state !== 0;
}
