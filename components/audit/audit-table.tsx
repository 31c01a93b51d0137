'use client';

import { useEffect, useState } from 'react';
import { useAudit } from '@/components/data/hooks';
import type { AuditRow } from '@/components/data/types';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { FilterSelect } from '@/components/ui/filter-select';
import { SearchBox } from '@/components/ui/search-box';
import { WithNote } from '@/components/ui/with-note';
import { AuditDetail } from './audit-detail';

const OUTCOMES = ['ok', 'error', 'denied'] as const;
type Outcome = (typeof OUTCOMES)[number];
const OUTCOME_WORDS: Record<Outcome, string> = { ok: 'Succeeded', error: 'Failed', denied: 'Denied' };

const outcomeStyle: Record<string, string> = {
  ok: 'bg-emerald-100 text-emerald-800',
  error: 'bg-red-100 text-red-800',
  denied: 'bg-amber-100 text-amber-800',
};

const columns: Column<AuditRow>[] = [
  { id: 'at', header: 'When', className: 'whitespace-nowrap text-slate-600', cell: (r) => new Date(r.at).toLocaleString() },
  { id: 'who', header: 'Who', cell: (r) => <WithNote value={r.username} note={r.ip} place="below" /> },
  { id: 'action', header: 'Action', className: 'font-mono text-xs', cell: (r) => r.action },
  {
    id: 'object',
    header: 'Object',
    cell: (r) => (
      <>
        <span className="text-slate-500">{r.objectType}</span> {r.objectName}
      </>
    ),
  },
  { id: 'host', header: 'Host', className: 'text-xs text-slate-600', cell: (r) => r.host },
  { id: 'outcome', header: 'Outcome', cell: (r) => <span className={`rounded px-1.5 py-0.5 text-xs ${outcomeStyle[r.outcome] ?? ''}`}>{r.outcome}</span> },
  { id: 'details', header: 'Details', className: 'max-w-md', cell: (r) => <AuditDetail row={r} /> },
];

/** Waits until typing pauses, so a search is sent once per word rather than once per key. */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

export function AuditTable({ initial }: { initial: AuditRow[] }) {
  const [q, setQ] = useState('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const query = useSettled(q, 200);
  const log = useAudit({ q: query, outcome }, initial);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <SearchBox label="Search the audit log" placeholder="Search user, action or object" value={q} onChange={setQ} className="w-72 max-w-full" />
        <FilterSelect label="Outcome" all="All outcomes" value={outcome} onChange={setOutcome} values={OUTCOMES} wording={(o) => OUTCOME_WORDS[o]} />
      </div>
      <DataTable
        rows={log.rows}
        columns={columns}
        rowKey={(r) => String(r.id)}
        rowClassName="align-top"
        testId="audit-table"
        error={log.error}
        empty={<p className="py-4 text-center">No entries.</p>}
      />
      {log.more ? <Button onClick={() => void log.loadMore()}>Older entries</Button> : null}
    </div>
  );
}
