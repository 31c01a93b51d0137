import { loadavg } from 'node:os';
import { ConnectGetAllDomainStatsFlags, StoragePoolState, type LibvirtClient } from '@/lib/libvirt';
import { COLLECTED_STATS, isActive, parseDomainStats, type DomainSnapshot } from './domain-stats';
import type { NodeSnapshot, PoolUsage } from './host-point';
import type { NicDirectory } from './nic-directory';

// One sample of a host: every domain's counters in one getAllDomainStats call, the node's CPU and memory, and its
// storage pools. Both the collector (history, rates) and GET /metrics (absolute counters) are made from it.

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

export async function readHostSample(client: LibvirtClient, nics: NicDirectory, opts: SampleOptions): Promise<HostSample> {
  const o = { timeoutMs: opts.timeoutMs };
  // NOWAIT: a domain busy with a long job (a migration, a snapshot) answers with what it has instead of holding
  // the whole call until the job ends.
  const [stats, cpu, memory, pools] = await Promise.all([
    client.domains.allStats(COLLECTED_STATS, ConnectGetAllDomainStatsFlags.NOWAIT, [], o),
    client.host.cpuStats(undefined, o),
    client.host.memoryStats(undefined, o),
    poolUsage(client, opts.timeoutMs),
  ]);
  const domains = stats.map(parseDomainStats);
  await nics.annotate(client, domains, opts.timeoutMs);
  const running = domains.filter(isActive).length;
  return {
    at: (opts.now ?? Date.now)(),
    domains,
    node: { cpu, memory, pools, running, defined: domains.length, load1: opts.local ? loadavg()[0]! : null },
  };
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
