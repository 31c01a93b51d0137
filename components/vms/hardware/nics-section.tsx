'use client';

import { useEffect, useState } from 'react';
import type { NicAdd, NicUpdate, NicView } from '@/lib/hardware/types';
import { isNicModel, NIC_MODEL_LABELS } from '@/lib/domain-xml/constants';
import { Button } from '@/components/ui/button';
import { fieldError, useChange, type ChangeState } from './change';
import { useHardware } from './context';
import { Choice, TextInput } from './inputs';
import { Modal } from '@/components/ui/modal';
import { NicSourceFields, type NicSourceForm } from './nic-source';
import { ChangeResult, RefusalNote } from './outcome';
import { NextBoot, Presence } from './presence';
import { RemoveDialog } from './remove-dialog';
import { ScopePicker, toScope, useScope } from './scope';
import { Section } from './section';

function AddNicDialog({ open, onClose, change }: { open: boolean; onClose: () => void; change: ChangeState }) {
  const { hw } = useHardware();
  const [source, setSource] = useState<NicSourceForm>({ type: 'network', network: 'default' });
  const [model, setModel] = useState(hw.nicModels.includes('virtio') ? 'virtio' : hw.nicModels[0] ?? 'virtio');
  const [mac, setMac] = useState('');
  const [scope, setScope, blocked] = useScope(hw.running);
  async function save() {
    const body: NicAdd = { ...toScope(scope), source, model };
    if (mac.trim()) body.mac = mac.trim();
    if (await change.submit('/nics', 'POST', body)) onClose();
  }
  const r = change.refusal;
  return (
    <Modal open={open} title="Add network interface" onClose={onClose} testId="add-nic-dialog">
      <form noValidate className="space-y-4" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <NicSourceFields value={source} onChange={setSource} refusal={r} enabled={open} pickFirst />
        <div className="grid gap-3 sm:grid-cols-2">
          <Choice label="Model" value={model} onChange={setModel} error={fieldError(r, 'model')}>
            {hw.nicModels.map((m) => <option key={m} value={m}>{isNicModel(m) ? NIC_MODEL_LABELS[m] : m}</option>)}
            {hw.nicModels.includes(model) ? null : <option value={model}>{model}</option>}
          </Choice>
          <TextInput label="MAC address (optional)" value={mac} onChange={setMac} placeholder="generated" error={fieldError(r, 'mac')}
            hint="Leave empty for a generated, locally administered address unique on this host." />
        </div>
        <ScopePicker value={scope} onChange={setScope} blocked={blocked} />
        {r ? <RefusalNote refusal={r} /> : null}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose} disabled={change.busy}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={change.busy}>{change.busy ? 'Adding…' : 'Add interface'}</Button>
        </div>
      </form>
    </Modal>
  );
}

function sourceOf(n: NicView): NicSourceForm {
  return n.type === 'bridge' ? { type: 'bridge', bridge: n.source ?? '' } : { type: 'network', network: n.source ?? '' };
}

function EditNicDialog({ nic, onClose, change }: { nic: NicView | null; onClose: () => void; change: ChangeState }) {
  const { hw } = useHardware();
  const [source, setSource] = useState<NicSourceForm>({ type: 'network', network: '' });
  const [link, setLink] = useState<'up' | 'down'>('up');
  const [scope, setScope, blocked] = useScope(hw.running, hw.running && nic && !nic.inLive ? 'This interface is not in the running guest.' : undefined);
  useEffect(() => {
    if (!nic) return;
    setSource(sourceOf(nic));
    setLink(nic.linkState);
  }, [nic]);
  async function save() {
    const body: NicUpdate = { ...toScope(scope) };
    if (JSON.stringify(source) !== JSON.stringify(sourceOf(nic!))) body.source = source;
    if (link !== nic!.linkState) body.linkState = link;
    if (await change.submit(`/nics/${encodeURIComponent(nic!.mac)}`, 'PATCH', body)) onClose();
  }
  return (
    <Modal open={nic !== null} title={`Edit interface ${nic?.mac ?? ''}`} onClose={onClose} testId="edit-nic-dialog">
      <form noValidate className="space-y-4" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <NicSourceFields value={source} onChange={setSource} refusal={change.refusal} enabled={nic !== null} />
        <Choice label="Link state" value={link} onChange={(v) => setLink(v as 'up' | 'down')} error={fieldError(change.refusal, 'linkState')}
          hint="Down is like pulling the cable: the guest sees no carrier.">
          <option value="up">Up</option>
          <option value="down">Down</option>
        </Choice>
        <ScopePicker value={scope} onChange={setScope} blocked={blocked} />
        {change.refusal ? <RefusalNote refusal={change.refusal} /> : null}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose} disabled={change.busy}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={change.busy}>{change.busy ? 'Saving…' : 'Save interface'}</Button>
        </div>
      </form>
    </Modal>
  );
}

export function NicsSection() {
  const { vm, hw, canEdit, setHw } = useHardware();
  const change = useChange(vm, setHw);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<NicView | null>(null);
  const [removing, setRemoving] = useState<NicView | null>(null);
  const open = (fn: () => void) => () => { change.reset(); fn(); };
  return (
    <Section title="Network interfaces" testId="hw-nics" actions={canEdit ? <Button variant="primary" className="px-2 py-1 text-xs" onClick={open(() => setAdding(true))}>Add interface…</Button> : null}>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="nic-table">
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-1 pr-3">MAC</th><th className="pr-3">Connected to</th><th className="pr-3">Model</th><th className="pr-3">Link</th><th className="pr-3">In</th><th /></tr>
          </thead>
          <tbody>
            {hw.nics.map((n) => (
              <tr key={n.mac} data-testid={`nic-row-${n.mac}`} className="border-t border-slate-100">
                <td className="py-1.5 pr-3 font-mono text-xs">{n.mac}</td>
                <td className="pr-3" data-testid="nic-source">{n.type === 'network' ? 'network' : n.type} {n.source ?? '—'}</td>
                <td className="pr-3">{n.model ?? '—'}</td>
                <td className="pr-3" data-testid="nic-link">{n.linkState}</td>
                <td className="pr-3"><Presence inLive={n.inLive} inPersistent={n.inPersistent} running={hw.running} /><NextBoot diff={n.nextBoot} /></td>
                <td className="whitespace-nowrap text-right">
                  {canEdit ? (
                    <span className="inline-flex gap-1">
                      <Button className="px-2 py-0.5 text-xs" aria-label={`Edit interface ${n.mac}`} onClick={open(() => setEditing(n))}>Edit…</Button>
                      <Button className="px-2 py-0.5 text-xs" aria-label={`Remove interface ${n.mac}`} onClick={open(() => setRemoving(n))}>Remove…</Button>
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
            {hw.nics.length === 0 ? <tr><td colSpan={6} className="py-2 text-slate-500">No network interfaces.</td></tr> : null}
          </tbody>
        </table>
      </div>
      <ChangeResult outcome={change.outcome} refusal={adding || editing || removing ? null : change.refusal} />
      <AddNicDialog open={adding} onClose={() => setAdding(false)} change={change} />
      <EditNicDialog nic={editing} onClose={() => setEditing(null)} change={change} />
      <RemoveDialog open={removing !== null} title={`Remove interface ${removing?.mac ?? ''}`} confirmLabel="Remove interface" running={hw.running} notLive={removing ? !removing.inLive : false}
        path={`/nics/${encodeURIComponent(removing?.mac ?? '')}`} change={change} onClose={() => setRemoving(null)}>
        Detaches the interface <span className="font-mono">{removing?.mac}</span> ({removing?.source ?? '—'}) from {vm}.
      </RemoveDialog>
    </Section>
  );
}
