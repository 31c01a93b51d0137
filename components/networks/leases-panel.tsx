'use client';

import { useLeases } from '@/components/data/hooks';
import type { DhcpLease } from '@/components/data/types';
import { DataTable, type Column } from '@/components/ui/data-table';

const columns: Column<DhcpLease>[] = [
  { id: 'address', header: 'Address', className: 'font-mono text-xs', cell: (l) => `${l.ipAddress}/${l.prefix}` },
  { id: 'mac', header: 'MAC', className: 'font-mono text-xs', cell: (l) => l.mac ?? '—' },
  { id: 'hostname', header: 'Host name', cell: (l) => l.hostname ?? '—' },
  { id: 'expires', header: 'Expires', className: 'text-xs', cell: (l) => (l.expiryTime ? new Date(l.expiryTime * 1000).toLocaleString() : '—') },
];

/** The network's DHCP leases; they appear when a guest's DHCP client asks, so useLeases re-reads them while shown. */
export function LeasesPanel({ name, active }: { name: string; active: boolean }) {
  const { data, error } = useLeases(name);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="leases">
      <h2 className="mb-2 font-semibold">DHCP leases</h2>
      {!active ? <p className="text-slate-500">The network is not running.</p> : null}
      <DataTable
        rows={data?.leases}
        columns={columns}
        rowKey={(l) => `${l.mac}-${l.ipAddress}`}
        rowTestId={(l) => `lease-${l.ipAddress}`}
        frame="plain"
        error={error}
        empty="No leases."
      />
    </section>
  );
}
