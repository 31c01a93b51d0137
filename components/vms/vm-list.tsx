'use client';

import { hostPage } from '@/components/data/keys';
import { useHostId } from '@/components/hosts/host-scope';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useDeferredValue, useMemo, useState } from 'react';
import { ALL_STATES } from '@/lib/vms/state-names';
import { useFleet, useVmUsage, useVms } from '@/components/data/hooks';
import { fleetRows } from '@/components/data/live-cache';
import type { FleetList, FleetRow, LifecycleAction, VmState, VmUsage } from '@/components/data/types';
import { CpuBar, MemoryBar } from '@/components/metrics/usage-bar';
import { formatKiB } from '@/components/format';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { FilterSelect } from '@/components/ui/filter-select';
import { SearchBox } from '@/components/ui/search-box';
import type { SortState } from '@/components/ui/table-sort';
import { StateBadge } from './state-badge';
import { TemplateBadge } from './template-badge';
import { VmActionButtons } from './vm-action-buttons';
import { ActionRunnerProvider, OutcomeAlert, useActionRunner } from './action-runner';
import { labels } from './actions';
import { TagChips } from './tags/tag-chips';
import { hasTag, TagFilter } from './tags/tag-filter';
import { rowMatches } from './vm-search';

/** Fixed so long lists can render only the rows near the viewport. */
const WINDOWING = { rowHeight: 44, from: 150 };

/** The template filter: only templates, or only ordinary VMs. */
const KINDS = ['templates', 'vms'] as const;
type Kind = (typeof KINDS)[number];
const KIND_WORDS: Record<Kind, string> = { templates: 'Templates only', vms: 'No templates' };

const usageKey = (host: string, uuid: string) => `${host}/${uuid}`;

const bulkActions: LifecycleAction[] = ['start', 'shutdown', 'reboot', 'suspend', 'resume', 'destroy'];

/** The columns; `multi` (the list of several hosts) adds the host. Actions act on the page's host, so rows of
 * other hosts offer theirs on their host's pages. `usage` is keyed by usageKey(host, uuid). */
function vmColumns(canAct: boolean, host: string, multi: boolean, usage: ReadonlyMap<string, VmUsage>, pickTag: (tag: string) => void): Column<FleetRow>[] {
  const usageOf = (vm: FleetRow) => usage.get(usageKey(vm.host, vm.uuid));
  return [
    {
      id: 'name',
      header: 'Name',
      sortValue: (vm) => vm.name,
      className: 'whitespace-nowrap font-medium',
      cell: (vm) => (
        <span className="inline-flex items-center gap-2">
          <Link href={hostPage(vm.host, `/vms/${encodeURIComponent(vm.name)}`)} className="text-sky-800 hover:underline">
            {vm.name}
          </Link>
          {vm.template ? <TemplateBadge /> : null}
        </span>
      ),
    },
    ...(multi
      ? [
          {
            id: 'host',
            header: 'Host',
            sortValue: (vm: FleetRow) => vm.host,
            className: 'whitespace-nowrap',
            cell: (vm: FleetRow) => (
              <Link href={hostPage(vm.host)} className="hover:underline" data-testid="vm-host">
                {vm.host}
              </Link>
            ),
          },
        ]
      : []),
    { id: 'tags', header: 'Tags', sortValue: (vm) => vm.tags?.join(' ') ?? '', cell: (vm) => <TagChips tags={vm.tags ?? []} onPick={pickTag} /> },
    {
      id: 'state',
      header: 'State',
      sortValue: (vm) => (vm.unknown ? 'unknown' : vm.state),
      cell: (vm) =>
        vm.unknown ? (
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700" title="Its host cannot be reached; this is the last state seen">
            unknown
          </span>
        ) : (
          <StateBadge state={vm.state} name={vm.name} pending={vm.pending} />
        ),
    },
    // "Which VM is eating the host?": CPU sorts by host cores used, so a busy 8-vCPU VM outranks a busy 1-vCPU one.
    {
      id: 'cpuUse',
      header: 'CPU',
      sortValue: (vm) => usageOf(vm)?.cpuCores,
      cell: (vm) => <CpuBar usage={usageOf(vm)} name={vm.name} />,
    },
    {
      id: 'memUse',
      header: 'Memory use',
      sortValue: (vm) => usageOf(vm)?.memUsed,
      cell: (vm) => <MemoryBar usage={usageOf(vm)} name={vm.name} />,
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
    {
      id: 'actions',
      header: 'Actions',
      cell: (vm) => (vm.host === host && !vm.unknown ? <VmActionButtons name={vm.name} state={vm.state} allowed={canAct} template={!!vm.template} /> : null),
    },
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
  const host = useHostId();
  const scoped = useParams<{ host?: string }>()?.host !== undefined;
  const hostRows = useVms().data?.vms;
  const fleet = useFleet().data;
  const rows = useMemo(() => (scoped ? hostRows?.map((r): FleetRow => ({ ...r, host, unknown: false })) : fleetRows(fleet)), [scoped, hostRows, host, fleet]);
  const multi = !scoped && Object.keys(fleet?.hosts ?? {}).length > 1;
  const [query, setQuery] = useState('');
  const [stateFilter, setStateFilter] = useState<VmState | ''>('');
  const [kindFilter, setKindFilter] = useState<Kind | ''>('');
  const [tagFilter, setTagFilter] = useState('');
  const [sort, setSort] = useState<SortState>({ column: 'name', dir: 1 });
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const q = useDeferredValue(query.trim().toLowerCase());
  const usageReply = useVmUsage(scoped ? host : null).data;
  const usage = useMemo(() => new Map(usageReply?.hosts.flatMap((h) => h.vms.map((u) => [usageKey(h.host, u.uuid), u] as const))), [usageReply]);
  const columns = useMemo(() => vmColumns(canAct, host, multi, usage, setTagFilter), [canAct, host, multi, usage]);

  const visible = useMemo(
    () =>
      rows?.filter(
        (r) =>
          (!stateFilter || r.state === stateFilter) &&
          (!kindFilter || !!r.template === (kindFilter === 'templates')) &&
          hasTag(r, tagFilter) &&
          rowMatches(r, q),
      ),
    [rows, q, stateFilter, kindFilter, tagFilter],
  );
  const present = new Set(visible?.filter((r) => r.host === host).map((r) => r.name));
  const chosen = [...selected].filter((n) => present.has(n));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <SearchBox
          label="Search virtual machines"
          placeholder="Search by name, IP, MAC or tag"
          value={query}
          maxLength={100}
          onChange={setQuery}
          className="w-64"
        />
        <FilterSelect label="Filter by state" all="All states" value={stateFilter} onChange={setStateFilter} values={ALL_STATES} />
        <FilterSelect
          label="Filter templates"
          all="VMs and templates"
          value={kindFilter}
          onChange={setKindFilter}
          values={KINDS}
          wording={(k) => KIND_WORDS[k]}
          testId="template-filter"
        />
        <TagFilter rows={rows} value={tagFilter} onChange={setTagFilter} />
        <span className="text-sm text-slate-500" data-testid="vm-count">
          {rows && visible ? `${visible.length} of ${rows.length}` : 'Loading…'}
        </span>
      </div>
      {multi && fleet ? <HostCounts fleet={fleet} /> : null}
      <OutcomeAlert />
      {canAct ? <BulkBar selected={chosen} clear={() => setSelected(new Set())} /> : null}
      <DataTable
        rows={visible}
        columns={columns}
        rowKey={(vm) => `${vm.host}/${vm.uuid}`}
        rowTestId={(vm) => (multi ? `vm-row-${vm.host}-${vm.name}` : `vm-row-${vm.name}`)}
        rowClassName="whitespace-nowrap hover:bg-slate-50"
        testId="vm-table"
        empty={<p className="py-4 text-center">{rows?.length ? 'No virtual machine matches.' : 'No virtual machines are defined on this host.'}</p>}
        sort={{ state: sort, onChange: setSort }}
        selection={canAct && !multi ? { selected, setSelected, key: (vm) => vm.name, label: (vm) => `Select ${vm.name}` } : undefined}
        windowing={WINDOWING}
      />
    </div>
  );
}

/** Per host: how many VMs in each state, and whether the host is reachable. */
function HostCounts({ fleet }: { fleet: FleetList }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" data-testid="host-counts">
      {Object.entries(fleet.hosts).map(([id, h]) => {
        const counts = new Map<string, number>();
        for (const vm of h.vms ?? []) counts.set(vm.state, (counts.get(vm.state) ?? 0) + 1);
        const down = h.status && h.status.state !== 'open';
        return (
          <li key={id} data-testid={`host-counts-${id}`}>
            <Link href={hostPage(id)} className="font-medium hover:underline">
              {id}
            </Link>
            : {[...counts].map(([state, n]) => `${n} ${state}`).join(', ') || 'no VMs'}
            {down ? (
              <span className="ml-1 text-amber-700">
                ({h.status?.state}: {h.status?.problem})
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function VmList({ canAct }: { canAct: boolean }) {
  return (
    <ActionRunnerProvider>
      <VmTable canAct={canAct} />
    </ActionRunnerProvider>
  );
}
