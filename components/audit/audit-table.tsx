'use client';

import { useCallback, useEffect, useState } from 'react';
import { api } from '@/components/api-client';
import type { AuditRow } from '@/lib/audit/log';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

const outcomeStyle: Record<string, string> = {
  ok: 'bg-emerald-100 text-emerald-800',
  error: 'bg-red-100 text-red-800',
  denied: 'bg-amber-100 text-amber-800',
};

export function AuditTable({ initial }: { initial: AuditRow[] }) {
  const [rows, setRows] = useState(initial);
  const [q, setQ] = useState('');
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [more, setMore] = useState(initial.length >= 100);

  const load = useCallback(async (before?: number) => {
    const p = new URLSearchParams({ limit: '100' });
    if (q) p.set('q', q);
    if (outcome) p.set('outcome', outcome);
    if (before) p.set('before', String(before));
    try {
      const { entries } = await api<{ entries: AuditRow[] }>(`/api/audit?${p}`);
      setRows((old) => (before ? [...old, ...entries] : entries));
      setMore(entries.length >= 100);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }, [q, outcome]);

  useEffect(() => {
    const t = setTimeout(() => void load(), 200);
    return () => clearTimeout(t);
  }, [load]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <input
          aria-label="Search the audit log"
          placeholder="Search user, action or object"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className="w-72 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        />
        <select aria-label="Outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
          <option value="">All outcomes</option>
          <option value="ok">Succeeded</option>
          <option value="error">Failed</option>
          <option value="denied">Denied</option>
        </select>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="audit-table">
          <thead className="bg-slate-100 text-xs uppercase text-slate-600">
            <tr>
              <th className="px-3 py-2">When</th>
              <th className="px-3 py-2">Who</th>
              <th className="px-3 py-2">Action</th>
              <th className="px-3 py-2">Object</th>
              <th className="px-3 py-2">Outcome</th>
              <th className="px-3 py-2">Details</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap px-3 py-1.5 text-slate-600">{new Date(r.at).toLocaleString()}</td>
                <td className="px-3 py-1.5">{r.username}{r.ip ? <span className="block text-xs text-slate-500">{r.ip}</span> : null}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{r.action}</td>
                <td className="px-3 py-1.5"><span className="text-slate-500">{r.objectType}</span> {r.objectName}</td>
                <td className="px-3 py-1.5"><span className={`rounded px-1.5 py-0.5 text-xs ${outcomeStyle[r.outcome] ?? ''}`}>{r.outcome}</span></td>
                <td className="max-w-md px-3 py-1.5 text-xs text-slate-600">{r.error ?? r.detail ?? ''}</td>
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr><td colSpan={6} className="px-3 py-6 text-center text-slate-500">No entries.</td></tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {more ? <Button onClick={() => void load(rows.at(-1)?.id)}>Older entries</Button> : null}
    </div>
  );
}
