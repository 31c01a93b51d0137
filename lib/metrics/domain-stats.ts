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

export function parseDomainStats(s: DomainStats): DomainSnapshot {
  const p = s.params;
  const vcpus: VcpuCounters[] = [];
  for (let i = 0; i < count(p, 'vcpu.maximum'); i++) {
    if (p[`vcpu.${i}.state`] === undefined && p[`vcpu.${i}.time`] === undefined) continue;
    vcpus.push({
      index: i,
      state: num(p[`vcpu.${i}.state`]),
      timeNs: num(p[`vcpu.${i}.time`]),
      delayNs: num(p[`vcpu.${i}.delay`]),
      waitNs: num(p[`vcpu.${i}.wait`]),
    });
  }
  const disks: DiskCounters[] = [];
  for (let i = 0; i < count(p, 'block.count'); i++) {
    const b = `block.${i}.`;
    const name = text(p[`${b}name`]);
    if (!name) continue;
    disks.push({
      name,
      path: text(p[`${b}path`]),
      rdBytes: num(p[`${b}rd.bytes`]),
      wrBytes: num(p[`${b}wr.bytes`]),
      rdReqs: num(p[`${b}rd.reqs`]),
      wrReqs: num(p[`${b}wr.reqs`]),
      rdTimeNs: num(p[`${b}rd.times`]),
      wrTimeNs: num(p[`${b}wr.times`]),
      flReqs: num(p[`${b}fl.reqs`]),
      flTimeNs: num(p[`${b}fl.times`]),
      capacity: num(p[`${b}capacity`]),
      allocation: num(p[`${b}allocation`]),
      physical: num(p[`${b}physical`]),
    });
  }
  const nics: NicCounters[] = [];
  for (let i = 0; i < count(p, 'net.count'); i++) {
    const n = `net.${i}.`;
    const name = text(p[`${n}name`]);
    if (!name) continue;
    nics.push({
      name,
      rxBytes: num(p[`${n}rx.bytes`]),
      rxPkts: num(p[`${n}rx.pkts`]),
      rxErrs: num(p[`${n}rx.errs`]),
      rxDrop: num(p[`${n}rx.drop`]),
      txBytes: num(p[`${n}tx.bytes`]),
      txPkts: num(p[`${n}tx.pkts`]),
      txErrs: num(p[`${n}tx.errs`]),
      txDrop: num(p[`${n}tx.drop`]),
    });
  }
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
    balloon: {
      currentKiB: num(p['balloon.current']),
      maximumKiB: num(p['balloon.maximum']),
      availableKiB: num(p['balloon.available']),
      usableKiB: num(p['balloon.usable']),
      unusedKiB: num(p['balloon.unused']),
      diskCachesKiB: num(p['balloon.disk_caches']),
      rssKiB: num(p['balloon.rss']),
      majorFault: num(p['balloon.major_fault']),
      minorFault: num(p['balloon.minor_fault']),
      swapIn: num(p['balloon.swap_in']),
      swapOut: num(p['balloon.swap_out']),
    },
    disks,
    nics,
  };
}

/** Running or paused (or blocked, or being shut down): a QEMU process exists and its counters mean something. */
export function isActive(s: Pick<DomainSnapshot, 'id' | 'state'>): boolean {
  return s.id > 0 && s.state !== 5 && s.state !== 0;
}
