'use client';

import { usePools } from '@/components/data/hooks';
import type { PoolRow } from '@/components/data/types';
import { formatBytes } from '@/components/format';
import type { Column } from '@/components/ui/data-table';
import { ObjectList, type ObjectKind } from '@/components/ui/object-list';
import { PoolState } from './pool-state';

const ifActive = (p: PoolRow, bytes: number) => (p.active ? formatBytes(bytes) : '—');

const COLUMNS: Column<PoolRow>[] = [
  { id: 'state', header: 'State', cell: (p) => <PoolState state={p.state} /> },
  { id: 'type', header: 'Type', cell: (p) => p.type },
  { id: 'path', header: 'Path', className: 'font-mono text-xs', cell: (p) => p.targetPath ?? '—' },
  { id: 'capacity', header: 'Capacity', cell: (p) => ifActive(p, p.capacity) },
  { id: 'allocation', header: 'Allocation', cell: (p) => ifActive(p, p.allocation) },
  { id: 'available', header: 'Available', cell: (p) => ifActive(p, p.available) },
  { id: 'autostart', header: 'Autostart', cell: (p) => (p.autostart ? 'yes' : 'no') },
];

const POOLS: ObjectKind = { title: 'Storage pools', section: 'storage', noun: 'pool', create: 'Create pool', empty: 'No storage pools.' };

export function PoolList({ canChange }: { canChange: boolean }) {
  const { data, error } = usePools({ poll: true });
  return <ObjectList kind={POOLS} canCreate={canChange} rows={data?.pools} columns={COLUMNS} error={error} />;
}
