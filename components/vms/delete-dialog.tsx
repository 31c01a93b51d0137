'use client';

import { useHostId } from '@/components/hosts/host-scope';
import { useState } from 'react';
import { useDeletePlan } from '@/components/data/hooks';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type { DeletePlan, DeleteResult } from '@/components/data/types';
import { Alert } from '@/components/ui/alert';
import { ChangeDialog } from '@/components/ui/change-dialog';

const suggested = (p: DeletePlan) => new Set(p.disks.filter((d) => d.suggested && d.volume).map((d) => d.volume!.key));

/** Asks before deleting a VM, offering to delete its volumes too. Mounted while asked, so each time starts afresh. */
export function DeleteDialog({ name, onClose, onDeleted }: { name: string; onClose: () => void; onDeleted: (r: DeleteResult) => void }) {
  const host = useHostId();
  const { data: plan, error, isValidating } = useDeletePlan(name);
  const remove = useMutation();
  // null: the plan's suggestion, until the user changes a box.
  const [volumes, setVolumes] = useState<Set<string> | null>(null);
  const [nvram, setNvram] = useState(true);
  const [snapshots, setSnapshots] = useState(true);

  const chosen = volumes ?? (plan ? suggested(plan) : new Set<string>());
  const toggle = (key: string) => {
    const n = new Set(chosen);
    if (n.has(key)) n.delete(key);
    else n.add(key);
    setVolumes(n);
  };

  async function confirm() {
    const r = await remove.send<DeleteResult>(keys.vm(host, name), { method: 'DELETE', body: { volumes: [...chosen], nvram, snapshots } });
    if (r.ok) onDeleted(r.data);
  }

  // A plan read earlier may be out of date: confirm only once the current one has arrived.
  const ready = plan !== undefined && !isValidating;
  return (
    <ChangeDialog
      open
      title={`Delete "${name}"?`}
      submitLabel="Delete"
      danger
      wide={false}
      busy={remove.busy}
      submitDisabled={!ready}
      problem={remove.problem}
      onClose={onClose}
      onSubmit={() => void confirm()}
    >
      {error ? <Alert>{error.message}</Alert> : null}
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
                <input
                  type="checkbox"
                  disabled={!d.volume}
                  checked={!!d.volume && chosen.has(d.volume.key)}
                  onChange={() => d.volume && toggle(d.volume.key)}
                />
                <span>
                  <span className="font-mono text-xs">{d.target ?? '?'}</span> ({d.device}) {d.source ?? ''}
                  {!d.volume ? <span className="block text-xs text-slate-500">Not in a storage pool: Vireo leaves it on disk.</span> : null}
                </span>
              </label>
            ))}
          </fieldset>
          {plan.nvram ? (
            <label className="flex gap-2">
              <input type="checkbox" checked={nvram} onChange={(e) => setNvram(e.target.checked)} /> Delete the UEFI variables file (NVRAM) {plan.nvram}
            </label>
          ) : null}
          {plan.snapshots > 0 ? (
            <label className="flex gap-2">
              <input type="checkbox" checked={snapshots} onChange={(e) => setSnapshots(e.target.checked)} /> Delete its {plan.snapshots} snapshot(s)
              {plan.snapshotFiles.length ? ` and the ${plan.snapshotFiles.length} file(s) Vireo made for them` : ''}
            </label>
          ) : null}
        </>
      ) : null}
    </ChangeDialog>
  );
}
