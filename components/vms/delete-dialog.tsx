'use client';

import { useEffect, useState } from 'react';
import { api } from '@/components/api-client';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Alert } from '@/components/ui/alert';
import type { DeletePlan, DeleteResult } from '@/lib/vms/delete';

export function DeleteDialog({ name, open, onClose, onDeleted }: { name: string; open: boolean; onClose: () => void; onDeleted: (r: DeleteResult) => void }) {
  const [plan, setPlan] = useState<DeletePlan | null>(null);
  const [volumes, setVolumes] = useState<Set<string>>(new Set());
  const [nvram, setNvram] = useState(true);
  const [snapshots, setSnapshots] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setPlan(null);
    setError(null);
    api<DeletePlan>(`/api/vms/${encodeURIComponent(name)}/delete-plan`)
      .then((p) => {
        setPlan(p);
        setVolumes(new Set(p.disks.filter((d) => d.suggested && d.volume).map((d) => d.volume!.key)));
      })
      .catch((err: Error) => setError(err.message));
  }, [open, name]);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const r = await api<DeleteResult>(`/api/vms/${encodeURIComponent(name)}`, { method: 'DELETE', body: { volumes: [...volumes], nvram, snapshots } });
      onDeleted(r);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (key: string) => setVolumes((s) => {
    const n = new Set(s);
    if (n.has(key)) n.delete(key);
    else n.add(key);
    return n;
  });

  return (
    <ConfirmDialog open={open} title={`Delete "${name}"?`} confirmLabel="Delete" busy={busy || !plan} onCancel={onClose} onConfirm={() => void confirm()}>
      {error ? <Alert>{error}</Alert> : null}
      {!plan && !error ? <p>Looking at its storage…</p> : null}
      {plan ? (
        <>
          <p>The virtual machine&apos;s definition is removed. This cannot be undone.</p>
          {plan.running ? <Alert tone="warning">It is running and will be forced off first.</Alert> : null}
          <fieldset className="space-y-1" data-testid="delete-volumes">
            <legend className="font-medium">Also delete these disks:</legend>
            {plan.disks.length === 0 ? <p className="text-slate-500">It has no disks.</p> : null}
            {plan.disks.map((d, i) => (
              <label key={i} className="flex items-start gap-2">
                <input type="checkbox" disabled={!d.volume} checked={!!d.volume && volumes.has(d.volume.key)} onChange={() => d.volume && toggle(d.volume.key)} />
                <span>
                  <span className="font-mono text-xs">{d.target ?? '?'}</span> ({d.device}) {d.source ?? ''}
                  {!d.volume ? <span className="block text-xs text-slate-500">Not in a storage pool: Vireo leaves it on disk.</span> : null}
                </span>
              </label>
            ))}
          </fieldset>
          {plan.nvram ? (
            <label className="flex gap-2"><input type="checkbox" checked={nvram} onChange={(e) => setNvram(e.target.checked)} /> Delete the UEFI variables file (NVRAM) {plan.nvram}</label>
          ) : null}
          {plan.snapshots > 0 ? (
            <label className="flex gap-2"><input type="checkbox" checked={snapshots} onChange={(e) => setSnapshots(e.target.checked)} /> Delete the metadata of its {plan.snapshots} snapshot(s)</label>
          ) : null}
        </>
      ) : null}
    </ConfirmDialog>
  );
}
