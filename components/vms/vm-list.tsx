'use client';

import Link from 'next/link';
import { useDeferredValue, useMemo, useState } from 'react';
import { ALL_STATES } from '@/lib/vms/state-names';
import { useVmUsage, useVms } from '@/components/data/hooks';
import type { LifecycleAction, VmRow, VmState, VmUsage } from '@/components/data/types';
import { CpuBar, MemoryBar } from '@/components/metrics/usage-bar';
import { formatKiB } from '@/components/format';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { SearchBox } from '@/components/ui/search-box';
import type { SortState } from '@/components/ui/table-sort';
import { StateBadge } from './state-badge';
import { TemplateBadge } from './template-badge';
import { VmActionButtons } from './vm-action-buttons';
import { ActionRunnerProvider, OutcomeAlert, useActionRunner } from './action-runner';
import { labels } from './actions';
import { TagChips } from './tags/tag-chips';
import { hasTag, TagFilter, tagMatches } from './tags/tag-filter';

/** Fixed so long lists can render only the rows near the viewport. */
const WINDOWING = { rowHeight: 44, from: 150 };

const bulkActions: LifecycleAction[] = ['start', 'shutdown', 'reboot', 'suspend', 'resume', 'destroy'];

function vmColumns(canAct: boolean, usage: ReadonlyMap<string, VmUsage>, pickTag: (tag: string) => void): Column<VmRow>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      sortValue: (vm) => vm.name,
      className: 'whitespace-nowrap font-medium',
      cell: (vm) => (
        <span className="inline-flex items-center gap-2">
          <Link href={`/vms/${encodeURIComponent(vm.name)}`} className="text-sky-800 hover:underline">
            {vm.name}
          </Link>
          {vm.template ? <TemplateBadge /> : null}
        </span>
      ),
    },
    { id: 'tags', header: 'Tags', sortValue: (vm) => vm.tags?.join(' ') ?? '', cell: (vm) => <TagChips tags={vm.tags ?? []} onPick={pickTag} /> },
    { id: 'state', header: 'State', sortValue: (vm) => vm.state, cell: (vm) => <StateBadge state={vm.state} name={vm.name} pending={vm.pending} /> },
    // "Which VM is eating the host?": CPU sorts by host cores used, so a busy 8-vCPU VM outranks a busy 1-vCPU one.
    {
      id: 'cpuUse',
      header: 'CPU',
      sortValue: (vm) => usage.get(vm.uuid)?.cpuCores,
      cell: (vm) => <CpuBar usage={usage.get(vm.uuid)} name={vm.name} />,
    },
    {
      id: 'memUse',
      header: 'Memory use',
      sortValue: (vm) => usage.get(vm.uuid)?.memUsed,
      cell: (vm) => <MemoryBar usage={usage.get(vm.uuid)} name={vm.name} />,
    },
    { id: 'vcpus', header: 'vCPUs', sortValue: (vm) => vm.vcpus, className: 'tabular-nums', cell: (vm) => vm.vcpus },
    {
      id: 'memoryKiB',
      header: 'Memory',
      sortValue: (vm) => vm.memoryKiB,
      className: 'whitespace-nowrap tabular-nums',
      cell: (vm) => formatKiB(vm.state === 'shut off' ? vm.maxMemKiB : vm.memoryKiB),
    },
    { id: 'autostart', header: 'Autostart', sortValue: (vm) => vm.autostart, cell: (vm) => (vm.autostart ? 'yes' : 'no') },
    {
      id: 'ips',
      header: 'IP addresses',
      className: 'max-w-56 truncate font-mono text-xs',
      cell: (vm) => <span title={vm.ips.join(', ')}>{vm.ips.join(', ') || '—'}</span>,
    },
    { id: 'actions', header: 'Actions', cell: (vm) => <VmActionButtons name={vm.name} state={vm.state} allowed={canAct} /> },
  ];
}

function BulkBar({ selected, clear }: { selected: string[]; clear: () => void }) {
  const { run, busy } = useActionRunner();
  if (!selected.length) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm" data-testid="bulk-bar">
      <span>{selected.length} selected:</span>
      {bulkActions.map((a) => (
        <Button key={a} variant={a === 'destroy' ? 'danger' : 'secondary'} className="px-2 py-1 text-xs" disabled={busy} onClick={() => run(a, selected)}>
          {labels[a]}
        </Button>
      ))}
      <button type="button" className="ml-auto text-slate-600 hover:underline" onClick={clear}>
        Clear selection
      </button>
    </div>
  );
}

function VmTable({ canAct }: { canAct: boolean }) {
  const rows = useVms().data?.vms;
  const [query, setQuery] = useState('');
  const [stateFilter, setStateFilter] = useState<VmState | ''>('');
  const [kindFilter, setKindFilter] = useState<'' | 'templates' | 'vms'>('');
  const [tagFilter, setTagFilter] = useState('');
  const [sort, setSort] = useState<SortState>({ column: 'name', dir: 1 });
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const q = useDeferredValue(query.trim().toLowerCase());
  const usageReply = useVmUsage().data;
  const usage = useMemo(() => new Map(usageReply?.vms.map((u) => [u.uuid, u])), [usageReply]);
  const columns = useMemo(() => vmColumns(canAct, usage, setTagFilter), [canAct, usage]);

  const visible = useMemo(
    () =>
      rows?.filter(
        (r) =>
          (!stateFilter || r.state === stateFilter) &&
          (!kindFilter || !!r.template === (kindFilter === 'templates')) &&
          hasTag(r, tagFilter) &&
          (!q || r.name.toLowerCase().includes(q) || r.ips.some((ip) => ip.includes(q)) || tagMatches(r, q)),
      ),
    [rows, q, stateFilter, kindFilter, tagFilter],
  );
  const present = new Set(visible?.map((r) => r.name));
  const chosen = [...selected].filter((n) => present.has(n));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <SearchBox label="Search virtual machines" placeholder="Search by name, IP or tag" value={query} maxLength={100} onChange={setQuery} className="w-64" />
        <select
          aria-label="Filter by state"
          value={stateFilter}
          onChange={(e) => setStateFilter(e.target.value as VmState | '')}
          className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        >
          <option value="">All states</option>
          {ALL_STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter templates"
          data-testid="template-filter"
          value={kindFilter}
          onChange={(e) => setKindFilter(e.target.value as '' | 'templates' | 'vms')}
          className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        >
          <option value="">VMs and templates</option>
          <option value="templates">Templates only</option>
          <option value="vms">No templates</option>
        </select>
        <TagFilter rows={rows} value={tagFilter} onChange={setTagFilter} />
        <span className="text-sm text-slate-500" data-testid="vm-count">
          {rows && visible ? `${visible.length} of ${rows.length}` : 'Loading…'}
        </span>
      </div>
      <OutcomeAlert />
      {canAct ? <BulkBar selected={chosen} clear={() => setSelected(new Set())} /> : null}
      <DataTable
        rows={visible}
        columns={columns}
        rowKey={(vm) => vm.uuid}
        rowTestId={(vm) => `vm-row-${vm.name}`}
        rowClassName="whitespace-nowrap hover:bg-slate-50"
        testId="vm-table"
        empty={<p className="py-4 text-center">{rows?.length ? 'No virtual machine matches.' : 'No virtual machines are defined on this host.'}</p>}
        sort={{ state: sort, onChange: setSort }}
        selection={canAct ? { selected, setSelected, key: (vm) => vm.name, label: (vm) => `Select ${vm.name}` } : undefined}
        windowing={WINDOWING}
      />
    </div>
  );
}

export function VmList({ canAct }: { canAct: boolean }) {
  return (
    <ActionRunnerProvider>
      <VmTable canAct={canAct} />
    </ActionRunnerProvider>
  );
}
