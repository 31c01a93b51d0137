import type { LibvirtClient } from '@/lib/libvirt';
import type { HostContext } from '@/lib/hosts';

// The host's memory, from one place, so every page that shows it or checks against it (host overview, wizard,
// Hardware tab) says the same number.
//
// libvirt knows the total two ways that can disagree: node info sums the NUMA nodes' memory, the memory counters
// are the kernel's own (/proc/meminfo). On a host whose nodes do not account for all of its memory the two differ
// by gigabytes, and showing one here and the other there is how a host came to have four totals on four pages.
// The kernel's counters are what `free` prints, so they are the source; node info is the fallback for drivers
// without counters (libvirt's test driver).

export interface HostMemory {
  totalBytes: number;
  /** What guests can have now without pushing the host into swap: free memory plus what the page cache gives back. */
  availableBytes: number;
  /** Where the numbers came from: the kernel's counters, or node info when those were not available. */
  source: 'counters' | 'node-info';
}

const KiB = 1024;

/** The counters → bytes; null when they lack the total. */
export function memoryFromCounters(c: Record<string, number>): HostMemory | null {
  if (!(c.total! > 0)) return null;
  const available = (c.free ?? 0) + (c.buffers ?? 0) + (c.cached ?? 0);
  return { totalBytes: c.total! * KiB, availableBytes: Math.min(available, c.total!) * KiB, source: 'counters' };
}

export async function readHostMemory(client: LibvirtClient): Promise<HostMemory> {
  const counted = await client.host
    .memoryStats()
    .then((c) => memoryFromCounters(Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Number(v)]))))
    .catch(() => null);
  if (counted) return counted;
  const [node, free] = await Promise.all([client.host.nodeInfo(), client.host.freeMemory()]);
  return { totalBytes: node.memoryKiB * KiB, availableBytes: Math.min(free, node.memoryKiB * KiB), source: 'node-info' };
}

export async function hostMemory(host: HostContext): Promise<HostMemory> {
  return readHostMemory(await host.libvirt());
}

/** Whole MiB, for the checks whose fields are in MiB (the wizard's memory, the Hardware tab's maximum). */
export const mibOf = (bytes: number) => Math.floor(bytes / 1024 ** 2);
