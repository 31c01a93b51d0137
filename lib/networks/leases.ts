import type { DhcpLease } from '@/lib/libvirt';
import { findNetwork } from './read';
import type { HostContext } from '@/lib/hosts';

export async function networkLeases(host: HostContext, name: string): Promise<DhcpLease[]> {
  const client = await host.libvirt();
  const net = await findNetwork(client, name);
  if (!(await client.networks.isActive(net))) return [];
  const leases = await client.networks.dhcpLeases(net);
  return leases.sort((a, b) => a.ipAddress.localeCompare(b.ipAddress, 'en', { numeric: true }));
}
