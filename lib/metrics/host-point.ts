import { deviceKey, put, type Point } from './point';
import { MAX_RATE_GAP_MS, type Sample } from './rates';

// The host's own series: CPU from the node's time counters, memory from its meminfo-like figures, how many VMs
// run, and each storage pool's use. Counters follow the same rule as a VM's: no rate across a gap or a reset.

export interface PoolUsage {
  name: string;
  active: boolean;
  capacity: number;
  allocation: number;
  available: number;
}

export interface NodeSnapshot {
  /** ns counters: kernel, user, idle, iowait (Linux). */
  cpu: Record<string, bigint>;
  /** KiB: total, free, buffers, cached (Linux). */
  memory: Record<string, bigint>;
  pools: PoolUsage[];
  running: number;
  defined: number;
  /** One-minute load average, known only when libvirtd runs on this machine. */
  load1: number | null;
}

const n = (v: bigint | undefined) => (v === undefined ? null : Number(v));

function cpuTotals(cpu: Record<string, bigint>): { busy: number; iowait: number; total: number } | null {
  const [kernel, user, idle, iowait] = [n(cpu.kernel), n(cpu.user), n(cpu.idle), n(cpu.iowait) ?? 0];
  if (kernel === null || user === null || idle === null) return null;
  return { busy: kernel + user, iowait, total: kernel + user + idle + iowait };
}

export function hostPoint(prev: Sample<NodeSnapshot> | undefined, cur: Sample<NodeSnapshot>, maxGapMs = MAX_RATE_GAP_MS): Point {
  const s = cur.value;
  const p: Point = {};
  const total = n(s.memory.total);
  if (total !== null) {
    const free = (n(s.memory.free) ?? 0) + (n(s.memory.buffers) ?? 0) + (n(s.memory.cached) ?? 0);
    put(p, 'memTotal', total * 1024);
    if (total >= free) put(p, 'memUsed', (total - free) * 1024);
  }
  put(p, 'load1', s.load1);
  put(p, 'runningVms', s.running);
  put(p, 'definedVms', s.defined);
  for (const pool of s.pools) {
    if (!pool.active) continue;
    put(p, deviceKey('pool', pool.name, 'capacity'), pool.capacity);
    put(p, deviceKey('pool', pool.name, 'allocation'), pool.allocation);
  }
  const dt = prev ? cur.at - prev.at : 0;
  if (!prev || dt <= 0 || dt > maxGapMs) return p;
  const a = cpuTotals(prev.value.cpu);
  const b = cpuTotals(s.cpu);
  if (!a || !b) return p;
  const dTotal = b.total - a.total;
  const dBusy = b.busy - a.busy;
  const dWait = b.iowait - a.iowait;
  // A host that rebooted (or a reconnect to another daemon) shows counters that went back: no point then.
  if (dTotal <= 0 || dBusy < 0 || dWait < 0) return p;
  put(p, 'cpu', (dBusy / dTotal) * 100);
  put(p, 'iowait', (dWait / dTotal) * 100);
  return p;
}
