import type { NetworkModel } from '@/components/data/types';

// Words for the list and detail page (client-safe: type imports only).

export const modeLabels: Record<NetworkModel['mode'], string> = {
  nat: 'NAT',
  route: 'Routed',
  open: 'Open',
  isolated: 'Isolated',
  bridge: 'Host bridge',
  macvtap: 'macvtap',
};

export function dhcpRanges(m: NetworkModel): string[] {
  return m.ips.flatMap((ip) => ip.ranges.map((r) => `${r.start} – ${r.end}`));
}

export function addresses(m: NetworkModel): string[] {
  return m.ips.map((ip) => `${ip.address}/${ip.prefix}`);
}
