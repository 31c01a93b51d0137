import type { HostContext, HostStatus } from '@/lib/hosts';
import { inventory, type VmRow } from './inventory';

// Every host's VMs in one answer (GET /api/inventory), from each host's live inventory: what the VM list's live
// feed would show at this moment, for scripts and for the fleet bench. Hosts answer independently: one that cannot
// be reached gives its status and no rows (null), and the others are listed all the same.

export interface FleetList {
  hosts: Record<string, { status: HostStatus; vms: VmRow[] | null }>;
}

export async function fleetList(hosts: HostContext[]): Promise<FleetList> {
  const entries = await Promise.all(
    hosts.map(async (host) => {
      // Unsorted: the page sorts as its reader chooses, and collating 10,000 names costs milliseconds on every call.
      const vms = await inventory(host)
        .list()
        .catch(() => null);
      return [host.id, { status: host.status(), vms }] as const;
    }),
  );
  return { hosts: Object.fromEntries(entries) };
}
