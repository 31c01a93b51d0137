import 'server-only';
import type { HostContext } from '@/lib/hosts';
import { readHostMemory } from '@/lib/host/memory';
import { listNetworks } from '@/lib/networks/read';
import { listPools } from '@/lib/storage/pools';
import { inventory } from '@/lib/vms/inventory';
import type { Candidate, HostFacts } from './types';

// What placement reads of one host: its CPUs and memory, every defined VM's size, state and tags (from the host's
// live inventory, so asking costs no call per VM), its pools' free space and its networks.

/** A host that has not answered in this long is judged down for this placement; the others are not held up. */
export const FACTS_TIMEOUT_MS = 5000;

export async function readHostFacts(host: HostContext): Promise<HostFacts> {
  const client = await host.libvirt();
  const [node, memory, rows, pools, networks] = await Promise.all([
    client.host.nodeInfo(),
    readHostMemory(client),
    inventory(host).list(),
    listPools(host),
    listNetworks(host),
  ]);
  return {
    cpus: node.cpus,
    memoryTotalBytes: memory.totalBytes,
    vms: rows.map((r) => ({ name: r.name, vcpus: r.vcpus, maxMemKiB: r.maxMemKiB, active: r.id > 0, autostart: r.autostart, tags: r.tags ?? [] })),
    pools: pools.map((p) => ({ name: p.name, active: p.active, availableBytes: p.available })),
    networks: networks.map((n) => ({ name: n.name, active: n.active })),
  };
}

/** The host as a placement candidate: its facts, or why they could not be read within the time allowed. */
export async function candidateOf(host: HostContext, timeoutMs = FACTS_TIMEOUT_MS): Promise<Candidate> {
  const ref = { id: host.id, name: host.name };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not answer within ${Math.round(timeoutMs / 100) / 10} s`)), timeoutMs);
  });
  try {
    return { host: ref, facts: await Promise.race([readHostFacts(host), late]) };
  } catch (err) {
    return { host: ref, down: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
