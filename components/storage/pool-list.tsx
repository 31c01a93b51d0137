'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import type { PoolRow } from '@/lib/storage/pools';
import { api } from '@/components/api-client';
import { formatBytes } from '@/components/format';
import { Alert } from '@/components/ui/alert';
import { PoolState } from './pool-state';

export function PoolList({ canChange }: { canChange: boolean }) {
  const [pools, setPools] = useState<PoolRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setPools((await api<{ pools: PoolRow[] }>('/api/storage/pools')).pools);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }, []);
  useEffect(() => {
    void load();
    const t = setInterval(() => void load(), 10_000);
    return () => clearInterval(t);
  }, [load]);

  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">Storage pools</h1>
        {canChange ? <Link href="/storage/new" className="ml-auto rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800">Create pool</Link> : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="pool-table">
          <thead className="bg-slate-50 text-xs uppercase text-slate-500">
            <tr>{['Name', 'State', 'Type', 'Path', 'Capacity', 'Allocation', 'Available', 'Autostart'].map((h) => <th key={h} className="px-3 py-2">{h}</th>)}</tr>
          </thead>
          <tbody>
            {pools?.map((p) => (
              <tr key={p.uuid} className="border-t border-slate-100" data-testid={`pool-row-${p.name}`}>
                <td className="px-3 py-1.5 font-medium"><Link href={`/storage/${encodeURIComponent(p.name)}`} className="text-sky-800 hover:underline">{p.name}</Link></td>
                <td className="px-3 py-1.5"><PoolState state={p.state} /></td>
                <td className="px-3 py-1.5">{p.type}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{p.targetPath ?? '—'}</td>
                <td className="px-3 py-1.5">{p.active ? formatBytes(p.capacity) : '—'}</td>
                <td className="px-3 py-1.5">{p.active ? formatBytes(p.allocation) : '—'}</td>
                <td className="px-3 py-1.5">{p.active ? formatBytes(p.available) : '—'}</td>
                <td className="px-3 py-1.5">{p.autostart ? 'yes' : 'no'}</td>
              </tr>
            ))}
            {pools && pools.length === 0 ? <tr><td colSpan={8} className="px-3 py-2 text-slate-500">No storage pools.</td></tr> : null}
            {!pools && !error ? <tr><td colSpan={8} className="px-3 py-2 text-slate-500">Loading…</td></tr> : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
