import type { LibvirtClient } from '@/lib/libvirt';
import { everyDefinition } from '@/lib/vms/every-definition';

// Which VMs use which network, from their domain XML: the persistent definition (it comes back at next boot)
// and, for running VMs, the live one (a NIC may have been hot-plugged without being saved).

export interface NetworkUser {
  name: string;
  running: boolean;
}

export interface NetworkUsage {
  byNetwork: Map<string, NetworkUser[]>;
  /** type='bridge' NICs by bridge name: a bridged libvirt network's guests may point at the bridge directly. */
  byBridge: Map<string, NetworkUser[]>;
}

function push(map: Map<string, NetworkUser[]>, key: string, user: NetworkUser): void {
  const list = map.get(key) ?? [];
  if (!list.some((u) => u.name === user.name)) list.push(user);
  map.set(key, list);
}

export async function networkUsage(client: LibvirtClient): Promise<NetworkUsage> {
  const usage: NetworkUsage = { byNetwork: new Map(), byBridge: new Map() };
  for (const { name, running, definitions } of await everyDefinition(client)) {
    for (const nic of definitions.flatMap((d) => d.interfaces)) {
      if (!nic.source) continue;
      if (nic.type === 'network') push(usage.byNetwork, nic.source, { name, running });
      if (nic.type === 'bridge') push(usage.byBridge, nic.source, { name, running });
    }
  }
  return usage;
}

export function usersOf(usage: NetworkUsage, network: string, bridge: string | null): NetworkUser[] {
  const users = [...(usage.byNetwork.get(network) ?? [])];
  for (const u of bridge ? (usage.byBridge.get(bridge) ?? []) : []) if (!users.some((x) => x.name === u.name)) users.push(u);
  return users.sort((a, b) => a.name.localeCompare(b.name));
}
