import { isActive, type DiskCounters, type DomainSnapshot, type NicCounters } from './domain-stats';
import { deviceKey, put, type Point } from './point';

// Rates from libvirt's counters. A rate is only ever taken between two samples of the same thing: the same QEMU
// process (domain id), the same disk (target and source), the same NIC (tap and MAC). A VM that starts, stops,
// restarts or changes devices therefore yields a gap for one interval, never a spike or a negative rate; a counter
// that went backwards anyway (a reset libvirt did not announce) is a gap too.

export interface Sample<T> {
  /** When the sample was taken, ms since the epoch. */
  at: number;
  value: T;
}

/** Two samples further apart than this (libvirtd was away) make no rate: it would smear a long gap into one point. */
export const MAX_RATE_GAP_MS = 5 * 60_000;

/** Per-second increase of a counter, or null when unknown or reset. */
export function counterRate(prev: number | null | undefined, cur: number | null | undefined, seconds: number): number | null {
  if (prev === null || prev === undefined || cur === null || cur === undefined || !(seconds > 0)) return null;
  const d = cur - prev;
  return d < 0 ? null : d / seconds;
}

function sameRun(prev: Sample<DomainSnapshot> | undefined, cur: Sample<DomainSnapshot>, maxGapMs: number): prev is Sample<DomainSnapshot> {
  if (!prev || prev.value.uuid !== cur.value.uuid || prev.value.id !== cur.value.id) return false;
  if (!isActive(prev.value) || !isActive(cur.value)) return false;
  const dt = cur.at - prev.at;
  return dt > 0 && dt <= maxGapMs;
}

/** The point of a running VM: gauges always, rates when `prev` is a sample of the same run. */
export function vmPoint(prev: Sample<DomainSnapshot> | undefined, cur: Sample<DomainSnapshot>, maxGapMs = MAX_RATE_GAP_MS): Point {
  const s = cur.value;
  const p: Point = {};
  memory(p, s);
  if (!sameRun(prev, cur, maxGapMs)) return p;
  const sec = (cur.at - prev.at) / 1000;
  const before = prev.value;
  const online = s.vcpuCurrent ?? (s.vcpus.length || null);
  const cpuNs = counterRate(before.cpuTimeNs, s.cpuTimeNs, sec);
  if (cpuNs !== null && online) put(p, 'cpu', cpuNs / 1e7 / online);
  let delaySum = 0;
  let delayCount = 0;
  for (const v of s.vcpus) {
    const old = before.vcpus.find((o) => o.index === v.index);
    if (!old) continue;
    const busy = counterRate(old.timeNs, v.timeNs, sec);
    if (busy !== null) put(p, deviceKey('vcpu', String(v.index), 'percent'), busy / 1e7);
    const delay = counterRate(old.delayNs, v.delayNs, sec);
    if (delay !== null) {
      put(p, deviceKey('vcpu', String(v.index), 'steal'), delay / 1e7);
      delaySum += delay;
      delayCount++;
    }
  }
  if (delayCount) put(p, 'steal', delaySum / 1e7 / delayCount);
  for (const d of s.disks) {
    const old = before.disks.find((o) => o.name === d.name && o.path === d.path);
    if (old) disk(p, old, d, sec);
  }
  for (const n of s.nics) {
    const old = before.nics.find((o) => o.name === n.name && (o.mac ?? null) === (n.mac ?? null));
    if (old) nic(p, old, n, sec);
  }
  return p;
}

function memory(p: Point, s: DomainSnapshot): void {
  const b = s.balloon;
  const kib = (v: number | null) => (v === null ? null : v * 1024);
  put(p, 'memBalloon', kib(b.currentKiB));
  put(p, 'memAvailable', kib(b.availableKiB));
  put(p, 'memRss', kib(b.rssKiB));
  // "usable" is the guest's MemAvailable (caches count as free); older guests only report "unused" (MemFree).
  const free = b.usableKiB ?? b.unusedKiB;
  if (b.availableKiB !== null && free !== null && b.availableKiB >= free) put(p, 'memUsed', (b.availableKiB - free) * 1024);
}

function disk(p: Point, old: DiskCounters, d: DiskCounters, sec: number): void {
  const key = (f: string) => deviceKey('disk', d.name, f);
  put(p, key('readBps'), counterRate(old.rdBytes, d.rdBytes, sec));
  put(p, key('writeBps'), counterRate(old.wrBytes, d.wrBytes, sec));
  const rd = counterRate(old.rdReqs, d.rdReqs, sec);
  const wr = counterRate(old.wrReqs, d.wrReqs, sec);
  put(p, key('readIops'), rd);
  put(p, key('writeIops'), wr);
  // Latency is time spent per request over the interval; with no request there is nothing to average.
  const rdNs = counterRate(old.rdTimeNs, d.rdTimeNs, sec);
  const wrNs = counterRate(old.wrTimeNs, d.wrTimeNs, sec);
  if (rd && rdNs !== null) put(p, key('readLatencyMs'), rdNs / rd / 1e6);
  if (wr && wrNs !== null) put(p, key('writeLatencyMs'), wrNs / wr / 1e6);
}

function nic(p: Point, old: NicCounters, n: NicCounters, sec: number): void {
  const key = (f: string) => deviceKey('nic', n.mac ?? n.name, f);
  put(p, key('rxBps'), counterRate(old.rxBytes, n.rxBytes, sec));
  put(p, key('txBps'), counterRate(old.txBytes, n.txBytes, sec));
  put(p, key('rxPps'), counterRate(old.rxPkts, n.rxPkts, sec));
  put(p, key('txPps'), counterRate(old.txPkts, n.txPkts, sec));
  put(p, key('rxErrors'), counterRate(old.rxErrs, n.rxErrs, sec));
  put(p, key('txErrors'), counterRate(old.txErrs, n.txErrs, sec));
  put(p, key('rxDrops'), counterRate(old.rxDrop, n.rxDrop, sec));
  put(p, key('txDrops'), counterRate(old.txDrop, n.txDrop, sec));
}
