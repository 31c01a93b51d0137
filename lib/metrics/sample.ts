import { loadavg } from 'node:os';
import { ConnectGetAllDomainStatsFlags, ConnectListAllDomainsFlags, StoragePoolState, type DomainStats, type LibvirtClient } from '@/lib/libvirt';
import { COLLECTED_STATS, isActive, parseDomainStats, type DomainSnapshot } from './domain-stats';
import type { NodeSnapshot, PoolUsage } from './host-point';
import type { NicDirectory } from './nic-directory';
import { dealInto } from './split';

// One sample of a host: every domain's counters in one getAllDomainStats call, the node's CPU and memory, and its
// storage pools, for the collector (history, rates, alerts on any domain's state). GET /metrics reports a narrower
// view (ActiveSample): only the running and paused domains' counters, as the libvirt exporters report them; it is
// cut from the collector's round, or read on its own when collection is off.

export interface HostSample {
  /** When the answers were in, ms since the epoch. */
  at: number;
  domains: DomainSnapshot[];
  node: NodeSnapshot;
}

export interface SampleOptions {
  /** Per call; a sample that takes longer is abandoned (the next one tries again). */
  timeoutMs: number;
  /** libvirtd runs on this machine: its load average is ours to read. */
  local: boolean;
  now?: () => number;
}

/** What GET /metrics reports: the active domains' counters, how many domains are defined, and the pools. */
export interface ActiveSample {
  /** Running and paused domains only: libvirt never reads the shut-off ones' stats. */
  domains: DomainSnapshot[];
  /** Every domain the host has, running or not. */
  defined: number;
  pools: PoolUsage[];
}

export async function readHostSample(client: LibvirtClient, nics: NicDirectory, opts: SampleOptions): Promise<HostSample> {
  const o = { timeoutMs: opts.timeoutMs };
  const [domains, cpu, memory, pools] = await Promise.all([
    allSnapshots(client, nics, opts.timeoutMs),
    client.host.cpuStats(undefined, o),
    client.host.memoryStats(undefined, o),
    poolUsage(client, opts.timeoutMs),
  ]);
  const running = domains.filter(isActive).length;
  return {
    at: (opts.now ?? Date.now)(),
    domains,
    node: { cpu, memory, pools, running, defined: domains.length, load1: opts.local ? loadavg()[0]! : null },
  };
}

/**
 * A scrape's worth: with 1,000 defined domains and a few running, only the active ones' stats and a bare count of
 * all (the exporters report only those). libvirtd answers one getAllDomainStats call domain after domain, and for
 * each it asks QEMU over its monitor about 7 questions (balloon and guest memory, KVM stats for cpu and vcpu, block
 * stats and block nodes) of ~0.5 ms each under TCG load; the active domains are therefore dealt into a few calls
 * that libvirtd's workers answer side by side (5 guests: 14.5 ms in one call, 8.7 ms in five, measured).
 */
export async function readActiveSample(client: LibvirtClient, nics: NicDirectory, timeoutMs: number): Promise<ActiveSample> {
  const [domains, defined, pools] = await Promise.all([
    activeSnapshots(client, nics, timeoutMs),
    client.domains.count(0, { timeoutMs }),
    poolUsage(client, timeoutMs),
  ]);
  return { domains, defined, pools };
}

/**
 * At most this many calls at once: libvirtd serves 5 requests of one client side by side (max_client_requests)
 * and queues the rest, so a few more keep its workers busy while the count and the pools are answered.
 */
const SCRAPE_CALLS = 8;

async function activeSnapshots(client: LibvirtClient, nics: NicDirectory, timeoutMs: number): Promise<DomainSnapshot[]> {
  const active = await client.domains.listAll(ConnectListAllDomainsFlags.ACTIVE, { timeoutMs });
  // With a list of domains libvirt filters nothing: one that stopped meanwhile answers its state alone (and is left
  // out as inactive), one undefined meanwhile is skipped.
  const parts = await Promise.all(
    dealInto(active, SCRAPE_CALLS).map((doms) => client.domains.allStats(COLLECTED_STATS, ConnectGetAllDomainStatsFlags.NOWAIT, doms, { timeoutMs })),
  );
  return annotated(client, nics, parts.flat(), timeoutMs);
}

/** Every domain, running or not, parsed, their NICs named from their XML. */
async function allSnapshots(client: LibvirtClient, nics: NicDirectory, timeoutMs: number): Promise<DomainSnapshot[]> {
  // NOWAIT: a domain busy with a long job (a migration, a snapshot) answers with what it has instead of holding
  // the whole call until the job ends.
  const stats = await client.domains.allStats(COLLECTED_STATS, ConnectGetAllDomainStatsFlags.NOWAIT, [], { timeoutMs });
  return annotated(client, nics, stats, timeoutMs);
}

async function annotated(client: LibvirtClient, nics: NicDirectory, stats: DomainStats[], timeoutMs: number): Promise<DomainSnapshot[]> {
  const domains = stats.map(parseDomainStats);
  await nics.annotate(client, domains, timeoutMs);
  return domains;
}

async function poolUsage(client: LibvirtClient, timeoutMs: number): Promise<PoolUsage[]> {
  const refs = await client.pools.listAll(0, { timeoutMs });
  const infos = await Promise.all(
    refs.map(async (ref) => {
      try {
        const i = await client.pools.info(ref, { timeoutMs });
        return {
          name: ref.name,
          active: i.state === StoragePoolState.RUNNING || i.state === StoragePoolState.DEGRADED,
          capacity: i.capacity,
          allocation: i.allocation,
          available: i.available,
        };
      } catch {
        return null; // removed meanwhile
      }
    }),
  );
  return infos.filter((i): i is PoolUsage => i !== null);
}
