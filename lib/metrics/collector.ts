import 'server-only';
import { loadSettings } from '@/lib/config/settings';
import type { HostContext } from '@/lib/hosts';
import { log } from '@/lib/log';
import { isActive, type DomainSnapshot } from './domain-stats';
import { hostPoint, type NodeSnapshot } from './host-point';
import { NicDirectory } from './nic-directory';
import type { Point } from './point';
import { vmPoint, type Sample } from './rates';
import { rollUpPoints } from './rollup';
import { readActiveSample, readHostSample, type ActiveSample, type HostSample } from './sample';
import { metricStore, type MetricStore, type StoredPoint } from './store';
import { bucketOf, pruneBefore, TIERS } from './tiers';

// One collector per host: every interval (aligned to the clock, so samples fall in distinct 10 s buckets) it takes
// one sample of the host, turns counters into rates, writes the finest tier, rolls closed buckets up into the
// coarser tiers from the stored finer points (so a restart loses nothing but the seconds it was down), and prunes
// what is past each tier's retention. The newest rates stay in memory for the VM list.

export interface VmUsage {
  uuid: string;
  name: string;
  vcpus: number | null;
  /** Percent of the VM's own vCPUs (100 = all busy); null for the first sample of a run. */
  cpu: number | null;
  /** Host cores the VM used (cpu × vcpus / 100): what "which VM eats the host" sorts by. */
  cpuCores: number | null;
  memUsed: number | null;
  /** What the guest sees as its memory (balloon driver's "available"), else what it was given. */
  memTotal: number | null;
  memPercent: number | null;
  /** The last few samples (aligned with CurrentUsage.recentT), for sparklines; null where it was not running. */
  recentCpu: (number | null)[];
  recentMem: (number | null)[];
}

export interface CurrentUsage {
  host: string;
  /** When the newest sample was taken (ms), null before the first one. */
  at: number | null;
  intervalSeconds: number | null;
  vms: VmUsage[];
  hostPoint: Point;
  /** Times (s) of the samples behind recentCpu/recentMem. */
  recentT: number[];
}

/**
 * What each sampling round gives listeners (lib/alerts evaluates its rules on it): every domain (running or not)
 * with the rates of the running ones by UUID, or the reason the host could not be sampled.
 */
export type SampleEvent =
  | { ok: true; at: number; domains: readonly DomainSnapshot[]; points: ReadonlyMap<string, Point> }
  | { ok: false; at: number; error: string };

export interface CollectorOptions {
  /** Seconds between samples; null: no timer (samples only on demand, e.g. for /metrics). */
  intervalSeconds: number | null;
  now?: () => number;
  store?: MetricStore;
}

const RECENT = 30;
/** How late a round may be before GET /metrics stops serving the previous one (a round of many hosts takes time). */
const CURRENT_SLACK_MS = 5000;
const PRUNE_EVERY_S = 60;
const DROP_SERIES_EVERY_S = 3600;

export class HostMetrics {
  private readonly now: () => number;
  private readonly store: MetricStore;
  private readonly nics = new NicDirectory();
  private prevVm = new Map<string, Sample<DomainSnapshot>>();
  private prevNode: Sample<NodeSnapshot> | undefined;
  private lastBucket = -Infinity;
  private readonly rolledUntil = new Map<number, number>();
  private lastPrune = -Infinity;
  private lastDrop = -Infinity;
  private inflight: Promise<HostSample> | null = null;
  private activeInflight: Promise<ActiveSample> | null = null;
  /** The last round's sample while it is current (null after a failed round): what GET /metrics serves. */
  private current: HostSample | null = null;
  private currentView: { of: HostSample; view: ActiveSample } | null = null;
  private latest: { at: number; vms: Map<string, Omit<VmUsage, 'recentCpu' | 'recentMem'>>; host: Point } | null = null;
  private recentT: number[] = [];
  private recent = new Map<string, { cpu: (number | null)[]; mem: (number | null)[] }>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastProblem: string | null = null;
  private hostSeries: number | null = null;
  private readonly listeners = new Set<(e: SampleEvent) => void>();

  constructor(
    readonly host: HostContext,
    readonly opts: CollectorOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.store = opts.store ?? metricStore();
  }

  /** Starts sampling every interval (no-op without one, or when started). */
  start(): void {
    if (this.timer || !this.opts.intervalSeconds) return;
    this.schedule();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private schedule(): void {
    const every = this.opts.intervalSeconds! * 1000;
    const now = this.now();
    const next = Math.floor(now / every) * every + every;
    this.timer = setTimeout(() => {
      this.running = this.collect(next)
        .catch((err: unknown) => this.problem(err))
        .finally(() => {
          this.running = null;
          if (this.timer) this.schedule();
        });
    }, next - now);
    this.timer.unref();
  }

  private problem(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    // libvirtd down is said once, not every ten seconds.
    if (message !== this.lastProblem) log().warn(`metrics on host ${this.host.id}: ${message}`);
    this.lastProblem = message;
  }

  private get timeoutMs(): number {
    return Math.max(5000, (this.opts.intervalSeconds ?? 10) * 1000);
  }

  /** A sample of the host; one already under way is shared rather than asked for twice. */
  sample(): Promise<HostSample> {
    this.inflight ??= (async () => {
      const client = await this.host.libvirt();
      return readHostSample(client, this.nics, { timeoutMs: this.timeoutMs, local: this.host.local, now: this.now });
    })().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /**
   * The active domains, the count of all and the pools (GET /metrics). While the collector runs, from its last
   * round, at most one interval (plus the round's own time) old: every QEMU then answers one round of stats per
   * interval however many Prometheus servers scrape (an HA pair scrapes twice), and a scrape never waits on
   * libvirtd. Otherwise (collection off, a failed or late round) a fresh sample, shared like sample().
   */
  activeSample(): Promise<ActiveSample> {
    const current = this.currentActive();
    if (current) return Promise.resolve(current);
    this.activeInflight ??= (async () => readActiveSample(await this.host.libvirt(), this.nics, this.timeoutMs))().finally(() => {
      this.activeInflight = null;
    });
    return this.activeInflight;
  }

  /** The current round's view for GET /metrics: one object per round, so a scrape can tell an unchanged round. */
  private currentActive(): ActiveSample | null {
    const s = this.current;
    if (!s || !this.timer || !this.opts.intervalSeconds) return null;
    if (this.now() - s.at > this.opts.intervalSeconds * 1000 + CURRENT_SLACK_MS) return null;
    if (this.currentView?.of !== s) this.currentView = { of: s, view: { domains: s.domains.filter(isActive), defined: s.domains.length, pools: s.node.pools } };
    return this.currentView.view;
  }

  /** Calls `listener` after every round, sampled or failed; returns the unsubscribe. A listener must not throw. */
  onSample(listener: (e: SampleEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: SampleEvent): void {
    for (const l of this.listeners) l(e);
  }

  /** One round: sample, rates, the finest tier at bucket `at`, roll-ups and pruning. `at` is ms since the epoch. */
  async collect(at = this.now()): Promise<void> {
    let s: HostSample;
    try {
      s = await this.sample();
      this.current = s;
    } catch (err) {
      this.current = null;
      this.emit({ ok: false, at: this.now(), error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
    this.lastProblem = null;
    const vmPoints = this.ratesOf(s);
    this.emit({ ok: true, at: s.at, domains: s.domains, points: new Map(vmPoints.map((v) => [v.snap.uuid, v.point])) });
    const t = bucketOf(TIERS[0]!, at / 1000);
    if (t > this.lastBucket) {
      this.lastBucket = t;
      const rows: StoredPoint[] = [];
      for (const { snap, point } of vmPoints) rows.push({ seriesId: await this.store.seriesId(this.host.id, 'vm', snap.uuid, snap.name), tier: 0, t, point });
      this.hostSeries ??= await this.store.seriesId(this.host.id, 'host', 'host', this.host.name);
      rows.push({ seriesId: this.hostSeries, tier: 0, t, point: this.latest!.host });
      await this.store.write(rows);
    }
    await this.rollUp(at / 1000);
    await this.prune(at / 1000);
  }

  private ratesOf(s: HostSample): { snap: DomainSnapshot; point: Point }[] {
    const out: { snap: DomainSnapshot; point: Point }[] = [];
    const prev = this.prevVm;
    this.prevVm = new Map();
    const vms = new Map<string, Omit<VmUsage, 'recentCpu' | 'recentMem'>>();
    for (const snap of s.domains) {
      if (!isActive(snap)) continue;
      const cur = { at: s.at, value: snap };
      const point = vmPoint(prev.get(snap.uuid), cur);
      this.prevVm.set(snap.uuid, cur);
      out.push({ snap, point });
      vms.set(snap.uuid, usageOf(snap, point));
    }
    const node = { at: s.at, value: s.node };
    const host = hostPoint(this.prevNode, node);
    this.prevNode = node;
    this.latest = { at: s.at, vms, host };
    this.remember(Math.floor(s.at / 1000), vms);
    return out;
  }

  private remember(t: number, vms: Map<string, Omit<VmUsage, 'recentCpu' | 'recentMem'>>): void {
    this.recentT = [...this.recentT, t].slice(-RECENT);
    const n = this.recentT.length;
    for (const uuid of vms.keys()) if (!this.recent.has(uuid)) this.recent.set(uuid, { cpu: [], mem: [] });
    for (const [uuid, r] of this.recent) {
      const v = vms.get(uuid);
      if (!v && r.cpu.every((x) => x === null) && r.mem.every((x) => x === null)) {
        this.recent.delete(uuid);
        continue;
      }
      r.cpu = [...Array<null>(Math.max(0, n - 1 - r.cpu.length)).fill(null), ...r.cpu, v?.cpu ?? null].slice(-n);
      r.mem = [...Array<null>(Math.max(0, n - 1 - r.mem.length)).fill(null), ...r.mem, v?.memPercent ?? null].slice(-n);
    }
  }

  /** Rolls closed buckets of each coarser tier up from the tier below it, as far as the stored points allow. */
  private async rollUp(nowS: number): Promise<void> {
    let ids: number[] | null = null;
    for (let k = 1; k < TIERS.length; k++) {
      const dst = TIERS[k]!;
      const src = TIERS[k - 1]!;
      const closedEnd = bucketOf(dst, nowS);
      const done = this.rolledUntil.get(k);
      if (done !== undefined && done >= closedEnd) continue;
      ids ??= (await this.store.seriesOfHost(this.host.id)).map((r) => r.id);
      let from = done;
      if (from === undefined) {
        const newest = await this.store.newest(ids, dst.id);
        from = newest !== null ? newest + dst.step : bucketOf(dst, closedEnd - src.retention);
      }
      if (from < closedEnd) await this.store.write(rollUpPoints(await this.store.read(ids, src.id, from, closedEnd), src.step, dst.id, dst.step));
      this.rolledUntil.set(k, closedEnd);
    }
  }

  private async prune(nowS: number): Promise<void> {
    if (nowS - this.lastPrune < PRUNE_EVERY_S) return;
    this.lastPrune = nowS;
    const ids = (await this.store.seriesOfHost(this.host.id)).map((r) => r.id);
    for (const tier of TIERS) await this.store.prune(ids, tier.id, pruneBefore(tier, nowS));
    if (nowS - this.lastDrop < DROP_SERIES_EVERY_S) return;
    this.lastDrop = nowS;
    const live = await Promise.all([...this.prevVm.values()].map((v) => this.store.seriesId(this.host.id, 'vm', v.value.uuid, v.value.name)));
    await this.store.dropEmptySeries(this.host.id, new Set([...live, ...(this.hostSeries !== null ? [this.hostSeries] : [])]));
  }

  /** What every running VM uses now, from the newest sample (no libvirt call). */
  usage(): CurrentUsage {
    const vms = [...(this.latest?.vms.values() ?? [])].map((v) => ({
      ...v,
      recentCpu: this.recent.get(v.uuid)?.cpu ?? [],
      recentMem: this.recent.get(v.uuid)?.mem ?? [],
    }));
    return {
      host: this.host.id,
      at: this.latest?.at ?? null,
      intervalSeconds: this.opts.intervalSeconds,
      vms,
      hostPoint: this.latest?.host ?? {},
      recentT: [...this.recentT],
    };
  }
}

function usageOf(s: DomainSnapshot, p: Point): Omit<VmUsage, 'recentCpu' | 'recentMem'> {
  const vcpus = s.vcpuCurrent;
  const cpu = p.cpu ?? null;
  const memUsed = p.memUsed ?? null;
  const memTotal = p.memAvailable ?? p.memBalloon ?? null;
  return {
    uuid: s.uuid,
    name: s.name,
    vcpus,
    cpu,
    cpuCores: cpu !== null && vcpus ? (cpu * vcpus) / 100 : null,
    memUsed,
    memTotal,
    memPercent: memUsed !== null && memTotal ? (memUsed / memTotal) * 100 : null,
  };
}

/** The collector of a host (made on first use; started by the server, see startMetrics). */
export function hostMetrics(host: HostContext): HostMetrics {
  return host.scoped('metrics', (h) => new HostMetrics(h, { intervalSeconds: loadSettings().metricsIntervalSeconds }));
}

/** Starts a host's collector (server start, or a host added later); returns what stops it. */
export function startMetrics(host: HostContext): () => void {
  const collector = hostMetrics(host);
  collector.start();
  return () => void collector.stop();
}
