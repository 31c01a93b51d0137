'use client';

import Link from 'next/link';
import { hostPage } from '@/components/data/keys';
import { useHostId } from '@/components/hosts/host-scope';
import { useMemo } from 'react';
import { usePools } from '@/components/data/hooks';
import type { PoolRow } from '@/components/data/types';
import { formatBytes } from '@/components/format';
import { ListHeading } from '@/components/ui/list-heading';
import { DataTable, type Column } from '@/components/ui/data-table';
import { PoolState } from './pool-state';

const ifActive = (p: PoolRow, bytes: number) => (p.active ? formatBytes(bytes) : '—');

const columnsFor = (host: string): Column<PoolRow>[] => [
  {
    id: 'name',
    header: 'Name',
    className: 'font-medium',
    cell: (p) => (
      <Link href={hostPage(host, `/storage/${encodeURIComponent(p.name)}`)} className="text-sky-800 hover:underline">
        {p.name}
      </Link>
    ),
  },
  { id: 'state', header: 'State', cell: (p) => <PoolState state={p.state} /> },
  { id: 'type', header: 'Type', cell: (p) => p.type },
  { id: 'path', header: 'Path', className: 'font-mono text-xs', cell: (p) => p.targetPath ?? '—' },
  { id: 'capacity', header: 'Capacity', cell: (p) => ifActive(p, p.capacity) },
  { id: 'allocation', header: 'Allocation', cell: (p) => ifActive(p, p.allocation) },
  { id: 'available', header: 'Available', cell: (p) => ifActive(p, p.available) },
  { id: 'autostart', header: 'Autostart', cell: (p) => (p.autostart ? 'yes' : 'no') },
];

export function PoolList({ canChange }: { canChange: boolean }) {
  const host = useHostId();
  const columns = useMemo(() => columnsFor(host), [host]);
  const { data, error } = usePools({ poll: true });
  return (
    <div className="space-y-4">
      <ListHeading title="Storage pools" create={canChange ? { href: hostPage(host, '/storage/new'), label: 'Create pool' } : null} />
      <DataTable
        rows={data?.pools}
        columns={columns}
        rowKey={(p) => p.uuid}
        rowTestId={(p) => `pool-row-${p.name}`}
        testId="pool-table"
        error={error}
        empty="No storage pools."
      />
    </div>
  );
}
