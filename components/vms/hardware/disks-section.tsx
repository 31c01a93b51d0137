'use client';

import { useState } from 'react';
import type { DiskView } from '@/lib/hardware/types';
import { formatBytes } from '@/components/format';
import { Button } from '@/components/ui/button';
import { AddDiskDialog } from './add-disk-dialog';
import { useChange } from './change';
import { useHardware } from './context';
import { EditDiskDialog } from './edit-disk-dialog';
import { ChangeResult } from './outcome';
import { NextBoot, Presence } from './presence';
import { RemoveDialog } from './remove-dialog';
import { Section } from './section';

function options(d: DiskView): string {
  const parts = [d.cache && `cache ${d.cache}`, d.discard && `discard ${d.discard}`, d.io && `io ${d.io}`, d.readonly && 'read-only', d.shareable && 'shareable'].filter(Boolean);
  return parts.join(', ') || '—';
}

export function DisksSection() {
  const { vm, hw, canEdit, setHw } = useHardware();
  const change = useChange(vm, setHw);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<DiskView | null>(null);
  const [removing, setRemoving] = useState<DiskView | null>(null);
  const disks = hw.disks.filter((d) => d.device !== 'cdrom');
  const open = (fn: () => void) => () => { change.reset(); fn(); };

  return (
    <Section title="Disks" testId="hw-disks" actions={canEdit ? <Button variant="primary" className="px-2 py-1 text-xs" onClick={open(() => setAdding(true))}>Add disk…</Button> : null}>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="disk-table">
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-1 pr-3">Target</th><th className="pr-3">Bus</th><th className="pr-3">Source</th><th className="pr-3">Size</th><th className="pr-3">Options</th><th className="pr-3">In</th><th /></tr>
          </thead>
          <tbody>
            {disks.map((d) => (
              <tr key={d.target} data-testid={`disk-row-${d.target}`} className="border-t border-slate-100 align-top">
                <td className="py-1.5 pr-3 font-mono text-xs">{d.target}{d.device !== 'disk' ? <span className="ml-1 font-sans text-slate-500">({d.device})</span> : null}</td>
                <td className="pr-3">{d.bus ?? '—'}</td>
                <td className="break-all pr-3" data-testid="disk-source">{d.source ?? '—'}{d.format ? <span className="text-slate-500"> ({d.format})</span> : null}</td>
                <td className="whitespace-nowrap pr-3" data-testid="disk-size" data-bytes={d.capacityBytes ?? ''}>{d.capacityBytes !== null ? formatBytes(d.capacityBytes) : '—'}</td>
                <td className="pr-3 text-xs">{options(d)}</td>
                <td className="pr-3"><Presence inLive={d.inLive} inPersistent={d.inPersistent} running={hw.running} /><NextBoot diff={d.nextBoot} /></td>
                <td className="whitespace-nowrap text-right">
                  {canEdit ? (
                    <span className="inline-flex gap-1">
                      <Button className="px-2 py-0.5 text-xs" aria-label={`Edit disk ${d.target}`} onClick={open(() => setEditing(d))}>Edit…</Button>
                      <Button className="px-2 py-0.5 text-xs" aria-label={`Remove disk ${d.target}`} onClick={open(() => setRemoving(d))}>Remove…</Button>
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
            {disks.length === 0 ? <tr><td colSpan={7} className="py-2 text-slate-500">No disks.</td></tr> : null}
          </tbody>
        </table>
      </div>
      <ChangeResult outcome={change.outcome} refusal={adding || editing || removing ? null : change.refusal} />
      <AddDiskDialog open={adding} onClose={() => setAdding(false)} change={change} />
      <EditDiskDialog disk={editing} onClose={() => setEditing(null)} change={change} />
      <RemoveDialog open={removing !== null} title={`Remove disk ${removing?.target ?? ''}`} confirmLabel="Remove disk" running={hw.running} notLive={removing ? !removing.inLive : false}
        path={`/disks/${encodeURIComponent(removing?.target ?? '')}`} change={change} onClose={() => setRemoving(null)}>
        Detaches <span className="font-mono">{removing?.target}</span> ({removing?.source ?? 'no source'}) from {vm}. The volume or file itself is kept.
      </RemoveDialog>
    </Section>
  );
}
