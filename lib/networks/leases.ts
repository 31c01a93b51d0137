import type { DhcpLease, LibvirtClient } from '@/lib/libvirt';
import { findNetwork } from './read';

export async function networkLeases(client: LibvirtClient, name: string): Promise<DhcpLease[]> {
  const net = await findNetwork(client, name);
  if (!(await client.networks.isActive(net))) return [];
  const leases = await client.networks.dhcpLeases(net);
  return leases.sort((a, b) => a.ipAddress.localeCompare(b.ipAddress, 'en', { numeric: true }));
}
