import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleReader } from '@/test/support/console-reader';
import { HostMetrics } from './collector';
import { vmHistory } from './history';
import { renderMetrics } from './prometheus';
import { MetricStore, metricStore } from './store';
import { withTestDatabase } from '@/test/support/with-test-database';
import { bootBanner, ensureFixtures, shellPrompt, tcgGuestXml } from '@/test/support/fixtures';
import { testHost } from '@/test/support/test-host';
import { testBridge } from '@/test/support/test-libvirtd';
import { virsh, virshCleanupDomain, virshDefine } from '@/test/support/virsh';
import type { DomainSnapshot } from './domain-stats';
import type { Point } from './point';

// The collector against the test daemon with a running TCG fixture guest: a busy loop typed into its serial
// console makes the CPU rate rise; starting, stopping and hotplugging a NIC never yield a negative rate or a spike;
// with the clock injected, history written by one collector is read and continued by a fresh one (new process
// state, same database) and rolled up into the 1 min and 15 min tiers.

const tag = Math.random().toString(36).slice(2, 7);
const vm = `vireo-metrics-${tag}`;
let reader: ConsoleReader | null = null;
withTestDatabase();

/**
 * Percent of its one vCPU the looping guest must reach. A busy vCPU is a whole host core under TCG when the
 * machine has one to spare; on a loaded test machine (other suites' guests) it gets its share only.
 */
const BUSY_MIN = 20;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function bootedConsole(): Promise<ConsoleReader> {
  const r = await ConsoleReader.forDomain(vm);
  await r.waitFor(bootBanner, 120_000);
  await r.waitFor(shellPrompt, 30_000);
  return r;
}

beforeAll(async () => {
  await ensureFixtures();
  await virshDefine(tcgGuestXml({ name: vm, memoryMiB: 128, vcpus: 1 }));
  await virsh(['start', vm]);
  reader = await bootedConsole();
});

afterAll(async () => {
  reader?.close();
  await virshCleanupDomain(vm).catch(() => undefined);
});

describe('the collector on a running TCG guest', () => {
  const host = testHost(undefined, undefined, `rates-${tag}`);
  // Real sampling times (the rates are real); each round is written to its own 10 s bucket so every point is kept.
  let bucketAt = Math.floor(Date.now() / 10_000) * 10_000;
  let collector: HostMetrics;
  const cpuSeen: (number | null)[] = [];

  async function rounds(n: number, gapMs = 1500): Promise<(number | null)[]> {
    const out: (number | null)[] = [];
    for (let i = 0; i < n; i++) {
      await sleep(gapMs);
      bucketAt += 10_000;
      await collector.collect(bucketAt);
      const mine = collector.usage().vms.find((v) => v.name === vm);
      out.push(mine?.cpu ?? null);
    }
    cpuSeen.push(...out);
    return out;
  }

  async function storedPoints(): Promise<{ t: number; point: Point }[]> {
    const dom = (await virsh(['domuuid', vm])).trim();
    const series = await metricStore().findSeries(host.id, 'vm', dom);
    expect(series).not.toBeNull();
    return metricStore().read([series!.id], 0, 0, bucketAt / 1000 + 10);
  }

  afterAll(async () => {
    await collector?.stop();
    await host.close();
  });

  it('sees the CPU rate rise when a busy loop runs in the guest', async () => {
    collector = new HostMetrics(host, { intervalSeconds: null });
    const idle = await rounds(4);
    expect(idle[0]).toBeNull(); // the first sample of a run has nothing to take a rate from
    const idleCpu = Math.max(...idle.slice(1).map((c) => c ?? 0));
    reader!.write('while :; do :; done &\n');
    const risen = (c: number) => c > BUSY_MIN && c > idleCpu * 2 + 10;
    let busyCpu = 0;
    for (let i = 0; i < 20 && !risen(busyCpu); i++) busyCpu = (await rounds(1))[0] ?? 0;
    expect(busyCpu).toBeGreaterThan(BUSY_MIN);
    expect(busyCpu).toBeGreaterThan(idleCpu * 2 + 10);
    const mine = collector.usage().vms.find((v) => v.name === vm)!;
    expect(mine.cpuCores).toBeCloseTo(mine.cpu! / 100, 5);
    expect(mine.memTotal).toBeGreaterThan(0);
  });

  it('gives gaps, never negative rates or spikes, across a NIC hotplug, a stop and a start', async () => {
    await virsh(['attach-interface', vm, 'bridge', testBridge, '--model', 'virtio', '--live']);
    await rounds(3);
    await virsh(['destroy', vm]);
    await rounds(2, 500);
    expect(collector.usage().vms.find((v) => v.name === vm)).toBeUndefined();
    reader?.close();
    reader = null;
    await virsh(['start', vm]);
    const afterStart = await rounds(3, 1000);
    expect(afterStart[0]).toBeNull(); // a new QEMU process: no rate against the old one's counters

    const points = await storedPoints();
    // 4 idle rounds, at least one busy, 3 with the new NIC, 3 after the restart (none while it was off).
    expect(points.length).toBeGreaterThanOrEqual(11);
    const nicKeys = new Set(points.flatMap((p) => Object.keys(p.point).filter((k) => k.startsWith('nic/'))));
    expect(nicKeys.size).toBeGreaterThan(0); // the hotplugged NIC got series of its own
    for (const { t, point } of points) {
      for (const [key, value] of Object.entries(point)) {
        expect(value, `${key} at ${t}`).toBeGreaterThanOrEqual(0);
        if (key === 'cpu' || key === 'cpuMax' || key.startsWith('vcpu/')) expect(value, `${key} at ${t}`).toBeLessThanOrEqual(150);
        if (/Bps$/.test(key)) expect(value, `${key} at ${t}`).toBeLessThan(1e9);
        if (/(Pps|Iops)$/.test(key)) expect(value, `${key} at ${t}`).toBeLessThan(1e6);
      }
    }
    // The stop left buckets without a point (a gap in the graph), not zeros.
    const ts = points.map((p) => p.t);
    expect(ts.at(-1)! - ts[0]! + 10).toBeGreaterThan(points.length * 10);
    expect(cpuSeen.filter((c) => c !== null).every((c) => c >= 0 && c <= 150)).toBe(true);
    // The guest booted while the rounds ran, before a reader was there to see its banner: ask for a prompt instead.
    reader = await ConsoleReader.forDomain(vm);
    const nudge = setInterval(() => reader?.write('\n'), 2000);
    try {
      await reader.waitFor(shellPrompt, 120_000);
    } finally {
      clearInterval(nudge);
    }
    // Two TCG boots of the fixture guest (the start above and the console wait) take most of this on a loaded host.
  }, 300_000);

  it('gives GET /metrics the active domains only: a shut-off one is counted, never asked about', async () => {
    const off = `vireo-metrics-off-${tag}`;
    await virshDefine(tcgGuestXml({ name: off, memoryMiB: 64, vcpus: 1 }));
    try {
      const s = await collector.activeSample();
      const names = s.domains.map((d) => d.name);
      expect(names).toContain(vm);
      expect(names).not.toContain(off);
      // Other suites may define domains meanwhile on the shared daemon: at least the active ones and ours.
      expect(s.defined).toBeGreaterThanOrEqual(s.domains.length + 1);
      const { body } = await renderMetrics([{ hostId: host.id, sample: s }]);
      expect(body).toContain(`libvirt_domains_number{host="${host.id}"} ${s.defined}`);
      expect(body).toMatch(new RegExp(`libvirt_domain_info_cpu_time_seconds_total\\{[^}]*domain="${vm}"`));
      expect(body).not.toContain(`domain="${off}"`);
    } finally {
      await virshCleanupDomain(off).catch(() => undefined);
    }
  });
});

describe('GET /metrics beside a running collector', () => {
  const host = testHost(undefined, undefined, `current-${tag}`);
  afterAll(() => host.close());

  it("is served the collector's current round (no libvirt call), and samples afresh once the collector stops", async () => {
    const live = new HostMetrics(host, { intervalSeconds: 1 });
    const seen = new Set<DomainSnapshot>();
    const off = live.onSample((e) => {
      if (e.ok) for (const d of e.domains) seen.add(d);
    });
    live.start();
    try {
      await expect.poll(() => seen.size, { timeout: 15_000 }).toBeGreaterThan(0);
      const s = await live.activeSample();
      expect(s.domains.map((d) => d.name)).toContain(vm);
      // The very snapshots of a round: cut from it, not asked for again.
      expect(s.domains.every((d) => seen.has(d))).toBe(true);
      expect(s.defined).toBeGreaterThanOrEqual(s.domains.length);
    } finally {
      off();
      await live.stop();
    }
    const fresh = await live.activeSample();
    expect(fresh.domains.map((d) => d.name)).toContain(vm);
    expect(fresh.domains.some((d) => seen.has(d))).toBe(false);
  }, 60_000);
});

describe('history with an injected clock', () => {
  const host = testHost(undefined, undefined, `history-${tag}`);
  // Start at a 15 min boundary an hour ahead, so the 1 min and 15 min buckets line up with the rounds.
  const t0 = (Math.floor(Date.now() / 1000 / 900) + 4) * 900;
  let nowMs = t0 * 1000;
  const clock = () => nowMs;

  afterAll(() => host.close());

  async function run(collector: HostMetrics, untilS: number): Promise<void> {
    while (nowMs / 1000 < untilS) {
      await collector.collect();
      nowMs += 10_000;
    }
  }

  it('survives a restart of the collector (same database) and rolls the points up into coarser tiers', async () => {
    const first = new HostMetrics(host, { intervalSeconds: null, now: clock, store: new MetricStore() });
    await run(first, t0 + 11 * 60);
    await first.stop();
    // A new process: nothing in memory, the same database.
    const second = new HostMetrics(host, { intervalSeconds: null, now: clock, store: new MetricStore() });
    await run(second, t0 + 16 * 60 + 10);
    await second.stop();

    const store = new MetricStore();
    const uuid = (await virsh(['domuuid', vm])).trim();
    const series = (await store.findSeries(host.id, 'vm', uuid))!;
    expect(series).not.toBeNull();
    const fine = await store.read([series.id], 0, t0, t0 + 17 * 60);
    expect(fine.length).toBe(16 * 6 + 1);
    const minutes = await store.read([series.id], 1, t0, t0 + 17 * 60);
    // Every minute closed so far, none missing at the restart (minute 11), none twice.
    expect(minutes.map((p) => p.t)).toEqual(Array.from({ length: 16 }, (_, i) => t0 + i * 60));
    const quarter = await store.read([series.id], 2, t0 - 900, t0 + 17 * 60);
    expect(quarter.map((p) => p.t)).toEqual([t0]);
    // A roll-up is the mean of the points below it.
    const inMinute3 = fine.filter((p) => p.t >= t0 + 180 && p.t < t0 + 240).map((p) => p.point.memBalloon!);
    expect(inMinute3).toHaveLength(6);
    expect(minutes[3]!.point.memBalloon).toBeCloseTo(inMinute3.reduce((a, b) => a + b, 0) / 6, 0);

    // The graph of the day reads the rolled-up minutes, before and after the restart.
    const day = await vmHistory(host, vm, { range: '1d', to: t0 + 16 * 60, points: 1440 });
    expect(day.step).toBe(60);
    // (The day also holds the first describe's real-time points of this VM, about an hour before t0: its history
    // is the same on every host id, keyed by its UUID.)
    const known = day.t.filter((t, i) => t >= t0 - 600 && day.series.memBalloon?.[i] !== null);
    expect(known[0]).toBe(t0);
    expect(known.length).toBeGreaterThanOrEqual(16);
    const hostSeries = await store.findSeries(host.id, 'host', 'host');
    expect((await store.read([hostSeries!.id], 1, t0, t0 + 17 * 60)).length).toBe(16);
  });

  it('follows a VM moved from another host: the history there (same UUID) shows before the move', async () => {
    const uuid = (await virsh(['domuuid', vm])).trim();
    const now = Math.floor(Date.now() / 1000 / 10) * 10;
    // Points the collector of the host the VM came from wrote half an hour ago, under that host's id.
    const before = await metricStore().seriesId('the-host-before', 'vm', uuid, vm);
    await metricStore().write([0, 10, 20].map((d) => ({ seriesId: before, tier: 0, t: now - 1800 + d, point: { memBalloon: 4242 } })));
    const hour = await vmHistory(host, vm, { range: '1h', to: now, points: 360 });
    const at = hour.t.indexOf(now - 1800);
    expect(hour.series.memBalloon?.slice(at, at + 3)).toEqual([4242, 4242, 4242]);
  });
});
