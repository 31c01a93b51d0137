'use client';

import Link from 'next/link';
import { memo, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { VmRow } from '@/lib/vms/inventory';
import { ALL_STATES, type VmState } from '@/lib/vms/state-names';
import type { LifecycleAction } from '@/lib/vms/lifecycle';
import { useLive } from '@/components/live/live-provider';
import { formatKiB } from '@/components/format';
import { Button } from '@/components/ui/button';
import { StateBadge } from './state-badge';
import { VmActionButtons } from './vm-action-buttons';
import { ActionRunnerProvider, OutcomeAlert, useActionRunner } from './action-runner';
import { labels } from './actions';
import { useWindowRange } from './use-window-range';

/** Fixed so long lists can render only the rows near the viewport. */
const ROW_HEIGHT = 44;
/** Shorter lists are rendered whole (find-in-page keeps working). */
const WINDOW_FROM = 150;

type SortKey = 'name' | 'state' | 'vcpus' | 'memoryKiB' | 'autostart';

const columns: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'state', label: 'State' },
  { key: 'vcpus', label: 'vCPUs' },
  { key: 'memoryKiB', label: 'Memory' },
  { key: 'autostart', label: 'Autostart' },
];

const bulkActions: LifecycleAction[] = ['start', 'shutdown', 'reboot', 'suspend', 'resume', 'destroy'];

function compare(a: VmRow, b: VmRow, key: SortKey): number {
  const x = a[key];
  const y = b[key];
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
  return String(x).localeCompare(String(y), undefined, { numeric: true });
}

const Row = memo(function Row({ vm, selected, onToggle, canAct }: { vm: VmRow; selected: boolean; onToggle: (name: string) => void; canAct: boolean }) {
  return (
    <tr className="whitespace-nowrap border-t border-slate-100 hover:bg-slate-50" style={{ height: ROW_HEIGHT }} data-testid={`vm-row-${vm.name}`}>
      {canAct ? (
        <td className="px-3 py-1.5">
          <input type="checkbox" aria-label={`Select ${vm.name}`} checked={selected} onChange={() => onToggle(vm.name)} />
        </td>
      ) : null}
      <td className="px-3 py-1.5 font-medium">
        <Link href={`/vms/${encodeURIComponent(vm.name)}`} className="text-sky-800 hover:underline">{vm.name}</Link>
      </td>
      <td className="px-3 py-1.5"><StateBadge state={vm.state} name={vm.name} /></td>
      <td className="px-3 py-1.5 tabular-nums">{vm.vcpus}</td>
      <td className="px-3 py-1.5 tabular-nums">{formatKiB(vm.state === 'shut off' ? vm.maxMemKiB : vm.memoryKiB)}</td>
      <td className="px-3 py-1.5">{vm.autostart ? 'yes' : 'no'}</td>
      <td className="max-w-56 truncate px-3 py-1.5 font-mono text-xs" title={vm.ips.join(', ')}>{vm.ips.join(', ') || '—'}</td>
      <td className="px-3 py-1.5"><VmActionButtons name={vm.name} state={vm.state} allowed={canAct} /></td>
    </tr>
  );
});

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
      <button type="button" className="ml-auto text-slate-600 hover:underline" onClick={clear}>Clear selection</button>
    </div>
  );
}

function VmTable({ canAct }: { canAct: boolean }) {
  const { rows } = useLive();
  const [query, setQuery] = useState('');
  const [stateFilter, setStateFilter] = useState<VmState | ''>('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const q = useDeferredValue(query.trim().toLowerCase());

  const visible = useMemo(() => {
    const list = [...(rows?.values() ?? [])].filter(
      (r) => (!stateFilter || r.state === stateFilter) && (!q || r.name.toLowerCase().includes(q) || r.ips.some((ip) => ip.includes(q))),
    );
    return list.sort((a, b) => compare(a, b, sort.key) * sort.dir || a.name.localeCompare(b.name));
  }, [rows, q, stateFilter, sort]);

  const toggle = useMemo(() => (name: string) => setSelected((s) => {
    const n = new Set(s);
    if (n.has(name)) n.delete(name);
    else n.add(name);
    return n;
  }), []);

  const body = useRef<HTMLTableSectionElement>(null);
  const windowed = visible.length > WINDOW_FROM;
  const range = useWindowRange(body, visible.length, ROW_HEIGHT);
  const shown = windowed ? visible.slice(range.start, range.end) : visible;
  const colSpan = canAct ? 8 : 7;

  const present = new Set(visible.map((r) => r.name));
  const chosen = [...selected].filter((n) => present.has(n));
  const allChosen = visible.length > 0 && chosen.length === visible.length;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          aria-label="Search virtual machines"
          placeholder="Search by name or IP"
          value={query}
          maxLength={100}
          onChange={(e) => setQuery(e.target.value)}
          className="w-64 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        />
        <select aria-label="Filter by state" value={stateFilter} onChange={(e) => setStateFilter(e.target.value as VmState | '')} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
          <option value="">All states</option>
          {ALL_STATES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <span className="text-sm text-slate-500" data-testid="vm-count">
          {rows ? `${visible.length} of ${rows.size}` : 'Loading…'}
        </span>
      </div>
      <OutcomeAlert />
      {canAct ? <BulkBar selected={chosen} clear={() => setSelected(new Set())} /> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="vm-table">
          <thead className="bg-slate-100 text-xs uppercase text-slate-600">
            <tr>
              {canAct ? (
                <th className="w-8 px-3 py-2">
                  <input type="checkbox" aria-label="Select all shown" checked={allChosen} onChange={() => setSelected(allChosen ? new Set() : new Set(visible.map((r) => r.name)))} />
                </th>
              ) : null}
              {columns.map((c) => (
                <th key={c.key} className="px-3 py-2" aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="uppercase hover:text-slate-900" onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key ? (s.dir === 1 ? -1 : 1) : 1 }))}>
                    {c.label}{sort.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
              <th className="px-3 py-2">IP addresses</th>
              <th className="px-3 py-2">Actions</th>
            </tr>
          </thead>
          <tbody ref={body}>
            {windowed && range.start > 0 ? <tr aria-hidden style={{ height: range.start * ROW_HEIGHT }}><td colSpan={colSpan} /></tr> : null}
            {shown.map((vm) => <Row key={vm.uuid} vm={vm} selected={selected.has(vm.name)} onToggle={toggle} canAct={canAct} />)}
            {windowed && range.end < visible.length ? <tr aria-hidden style={{ height: (visible.length - range.end) * ROW_HEIGHT }}><td colSpan={colSpan} /></tr> : null}
            {rows && visible.length === 0 ? (
              <tr><td colSpan={colSpan} className="px-3 py-6 text-center text-slate-500">{rows.size ? 'No virtual machine matches.' : 'No virtual machines are defined on this host.'}</td></tr>
            ) : null}
          </tbody>
        </table>
      </div>
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
