'use client';

import { useState } from 'react';
import type { VolumeRow } from '@/lib/storage/volumes';
import { api } from '@/components/api-client';
import { formatBytes } from '@/components/format';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SIZE_UNITS, toBytes } from './sizes';

interface Props { pool: string; volumes: VolumeRow[]; canChange: boolean; onChanged: () => Promise<void>; onError: (m: string | null) => void }

export function VolumeTable({ pool, volumes, canChange, onChanged, onError }: Props) {
  const [asking, setAsking] = useState<{ kind: 'wipe' | 'delete'; name: string } | null>(null);
  const [resizing, setResizing] = useState<{ name: string; mib: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const url = (v: string) => `/api/storage/pools/${encodeURIComponent(pool)}/volumes/${encodeURIComponent(v)}`;

  async function change(fn: () => Promise<unknown>) {
    setBusy(true);
    onError(null);
    try {
      await fn();
      await onChanged();
    } catch (err) {
      onError((err as Error).message);
    } finally {
      setBusy(false);
      setAsking(null);
    }
  }

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="volume-table">
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>{['Volume', 'Format', 'Capacity', 'Allocation', 'Path', ''].map((h, i) => <th key={i} className="px-3 py-2">{h}</th>)}</tr>
        </thead>
        <tbody>
          {volumes.map((v) => (
            <tr key={v.name} className="border-t border-slate-100 align-top" data-testid={`volume-row-${v.name}`}>
              <td className="px-3 py-1.5 font-medium">{v.name}</td>
              <td className="px-3 py-1.5">{v.format ?? '—'}</td>
              <td className="px-3 py-1.5" data-testid="volume-capacity" data-bytes={v.capacity}>{formatBytes(v.capacity)}</td>
              <td className="px-3 py-1.5">{v.allocation === null ? '—' : formatBytes(v.allocation)}</td>
              <td className="px-3 py-1.5 font-mono text-xs">{v.path ?? '—'}</td>
              <td className="space-x-1 whitespace-nowrap px-3 py-1.5 text-right">
                <a href={url(v.name) + '/download'} download={v.name} aria-label={`Download ${v.name}`} className="inline-flex rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100">Download</a>
                {canChange ? (
                  <>
                    <Button className="!px-2 !py-1 text-xs" aria-label={`Resize ${v.name}`} onClick={() => setResizing({ name: v.name, mib: String(Math.ceil(v.capacity / SIZE_UNITS.MiB)) })}>Resize</Button>
                    <Button className="!px-2 !py-1 text-xs" aria-label={`Wipe ${v.name}`} onClick={() => setAsking({ kind: 'wipe', name: v.name })}>Wipe</Button>
                    <Button className="!px-2 !py-1 text-xs" variant="danger" aria-label={`Delete ${v.name}`} onClick={() => setAsking({ kind: 'delete', name: v.name })}>Delete</Button>
                  </>
                ) : null}
                {resizing?.name === v.name ? (
                  <form className="mt-2 flex items-center justify-end gap-1" onSubmit={(e) => {
                    e.preventDefault();
                    const capacity = toBytes(resizing.mib, 'MiB');
                    if (!Number.isFinite(capacity)) return onError('The new size must be a positive number of MiB.');
                    void change(() => api(`${url(v.name)}/actions`, { body: { action: 'resize', capacity } })).then(() => setResizing(null));
                  }}>
                    <label className="text-xs">New size of {v.name} (MiB)
                      <input aria-label={`New size of ${v.name} (MiB)`} className="ml-1 w-24 rounded border border-slate-300 px-1 py-0.5" value={resizing.mib} onChange={(e) => setResizing({ ...resizing, mib: e.target.value })} />
                    </label>
                    <Button type="submit" variant="primary" className="!px-2 !py-1 text-xs" disabled={busy}>Apply</Button>
                    <Button className="!px-2 !py-1 text-xs" onClick={() => setResizing(null)}>Cancel</Button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
          {volumes.length === 0 ? <tr><td colSpan={6} className="px-3 py-2 text-slate-500">No volumes.</td></tr> : null}
        </tbody>
      </table>
      {asking ? (
        <ConfirmDialog open busy={busy}
          title={asking.kind === 'wipe' ? `Wipe ${asking.name}` : `Delete ${asking.name}`}
          confirmLabel={asking.kind === 'wipe' ? 'Wipe volume' : 'Delete volume'}
          onCancel={() => setAsking(null)}
          onConfirm={() => void change(() => asking.kind === 'wipe' ? api(`${url(asking.name)}/actions`, { body: { action: 'wipe' } }) : api(url(asking.name), { method: 'DELETE' }))}>
          <p>{asking.kind === 'wipe' ? 'Every byte of the volume is overwritten with zeros. Its data is gone for good.' : 'The volume and its data are removed from the pool. This cannot be undone.'}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
