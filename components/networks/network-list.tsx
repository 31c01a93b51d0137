'use client';

import Link from 'next/link';
import { hostPage } from '@/components/data/keys';
import { useMemo } from 'react';
import { useNetworks } from '@/components/data/hooks';
import type { NetworkRow } from '@/components/data/types';
import type { Column } from '@/components/ui/data-table';
import { ObjectList, type ObjectKind } from '@/components/ui/object-list';
import { HostBridges } from './host-bridges';
import { addresses, dhcpRanges, modeLabels } from './network-facts';

const vmLink = (host: string, name: string) => hostPage(host, `/vms/${encodeURIComponent(name)}`);

const columnsFor = (host: string): Column<NetworkRow>[] => [
  {
    id: 'state',
    header: 'State',
    cell: (n) => (
      <span className={`rounded px-1.5 py-0.5 text-xs ${n.active ? 'bg-emerald-100 text-emerald-800' : 'bg-slate-100 text-slate-600'}`}>
        {n.active ? 'active' : 'inactive'}
      </span>
    ),
  },
  { id: 'mode', header: 'Mode', cell: (n) => `${modeLabels[n.model.mode]}${n.model.forwardDev ? ` via ${n.model.forwardDev}` : ''}` },
  { id: 'bridge', header: 'Bridge', className: 'font-mono text-xs', cell: (n) => n.model.bridge ?? '—' },
  { id: 'addresses', header: 'Addresses', className: 'font-mono text-xs', cell: (n) => addresses(n.model).join(', ') || '—' },
  { id: 'dhcp', header: 'DHCP range', className: 'font-mono text-xs', cell: (n) => dhcpRanges(n.model).join(', ') || '—' },
  { id: 'autostart', header: 'Autostart', cell: (n) => (n.autostart ? 'yes' : 'no') },
  {
    id: 'vms',
    header: 'VMs',
    className: 'text-xs',
    cell: (n) =>
      n.vms.length
        ? n.vms.map((v) => (
            <Link key={v.name} href={vmLink(host, v.name)} className="mr-2 text-sky-800 hover:underline">
              {v.name}
              {v.running ? ' ●' : ''}
            </Link>
          ))
        : '—',
  },
];

const NETWORKS: ObjectKind = { title: 'Networks', section: 'networks', noun: 'network', create: 'Create network', empty: 'No networks.' };

export function NetworkList({ canChange }: { canChange: boolean }) {
  const { data, error } = useNetworks({ poll: true });
  const libvirtBridges = useMemo(() => new Map((data?.networks ?? []).flatMap((n) => (n.model.bridge ? [[n.model.bridge, n.name] as const] : []))), [data]);
  return (
    <ObjectList kind={NETWORKS} canCreate={canChange} rows={data?.networks} columns={columnsFor} error={error}>
      {data?.hostLocal ? <HostBridges bridges={data.bridges} nics={data.nics} libvirtBridges={libvirtBridges} /> : null}
    </ObjectList>
  );
}
