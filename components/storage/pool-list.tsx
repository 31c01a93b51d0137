'use client';

import Link from 'next/link';
import { hostPage } from '@/components/data/keys';
import { useHostId } from '@/components/hosts/host-scope';
import { useMemo } from 'react';
import { usePools } from '@/components/data/hooks';
import type { PoolRow } from '@/components/data/types';
import { formatBytes } from '@/components/format';
import { Alert } from '@/components/ui/alert';
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
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">Storage pools</h1>
        {canChange ? (
          <Link href={hostPage(host, '/storage/new')} className="ml-auto rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800">
            Create pool
          </Link>
        ) : null}
      </div>
      {error ? <Alert>{error.message}</Alert> : null}
      <DataTable
        rows={data?.pools}
        columns={columns}
        rowKey={(p) => p.uuid}
        rowTestId={(p) => `pool-row-${p.name}`}
        testId="pool-table"
        failed={error !== undefined}
        empty="No storage pools."
      />
    </div>
  );
}
