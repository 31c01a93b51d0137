'use client';

import { useState, type ReactNode } from 'react';
import type { NicAdd, NicUpdate, NicView } from '@/lib/hardware/types';
import { isNicModel, NIC_MODEL_LABELS } from '@/lib/domain-xml/constants';
import { Button } from '@/components/ui/button';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { DataTable, type Column } from '@/components/ui/data-table';
import { SelectField, TextField } from '@/components/ui/inputs';
import { useChange, type ChangeState } from './change';
import { useHardwareTab } from './context';
import { NicSourceFields, type NicSourceForm } from './nic-source';
import { ChangeResult } from './outcome';
import { NextBoot, Presence, RemovalRequested } from './presence';
import { RemoveDialog } from './remove-dialog';
import { ScopePicker, toScope, useScope } from './scope';
import { DeviceActions, Section } from './section';

function AddNicDialog({ open, onClose, change }: { open: boolean; onClose: () => void; change: ChangeState }) {
  const { hw } = useHardwareTab();
  const [source, setSource] = useState<NicSourceForm>({ type: 'network', network: 'default' });
  const [model, setModel] = useState(hw.nicModels.includes('virtio') ? 'virtio' : (hw.nicModels[0] ?? 'virtio'));
  const [mac, setMac] = useState('');
  const [scope, setScope, blocked] = useScope(hw.running);
  async function save() {
    const body: NicAdd = { ...toScope(scope), source, model };
    if (mac.trim()) body.mac = mac.trim();
    if (await change.submit('/nics', 'POST', body)) onClose();
  }
  return (
    <ChangeDialog
      open={open}
      title="Add network interface"
      testId="add-nic-dialog"
      submitLabel="Add interface"
      busyLabel="Adding…"
      busy={change.busy}
      problem={change.problem}
      onClose={onClose}
      onSubmit={() => void save()}
    >
      <NicSourceFields value={source} onChange={setSource} field={change.field} enabled={open} pickFirst />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Model" value={model} onChange={setModel} error={change.field('model')}>
          {hw.nicModels.map((m) => (
            <option key={m} value={m}>
              {isNicModel(m) ? NIC_MODEL_LABELS[m] : m}
            </option>
          ))}
          {hw.nicModels.includes(model) ? null : <option value={model}>{model}</option>}
        </SelectField>
        <TextField
          label="MAC address (optional)"
          value={mac}
          onChange={setMac}
          placeholder="generated"
          error={change.field('mac')}
          hint="Leave empty for a generated, locally administered address unique on this host."
        />
      </div>
      <ScopePicker value={scope} onChange={setScope} blocked={blocked} />
    </ChangeDialog>
  );
}

function sourceOf(n: NicView): NicSourceForm {
  return n.type === 'bridge' ? { type: 'bridge', bridge: n.source ?? '' } : { type: 'network', network: n.source ?? '' };
}

function EditNicDialog({ nic, onClose, change }: { nic: NicView | null; onClose: () => void; change: ChangeState }) {
  return nic ? <EditNic key={nic.mac} nic={nic} onClose={onClose} change={change} /> : null;
}

function EditNic({ nic, onClose, change }: { nic: NicView; onClose: () => void; change: ChangeState }) {
  const { hw } = useHardwareTab();
  const [source, setSource] = useState(() => sourceOf(nic));
  const [link, setLink] = useState<'up' | 'down'>(nic.linkState);
  const [scope, setScope, blocked] = useScope(hw.running, hw.running && !nic.inLive ? 'This interface is not in the running guest.' : undefined);
  async function save() {
    const body: NicUpdate = { ...toScope(scope) };
    if (JSON.stringify(source) !== JSON.stringify(sourceOf(nic))) body.source = source;
    if (link !== nic.linkState) body.linkState = link;
    if (await change.submit(`/nics/${encodeURIComponent(nic.mac)}`, 'PATCH', body)) onClose();
  }
  return (
    <ChangeDialog
      open
      title={`Edit interface ${nic.mac}`}
      testId="edit-nic-dialog"
      submitLabel="Save interface"
      busyLabel="Saving…"
      busy={change.busy}
      problem={change.problem}
      onClose={onClose}
      onSubmit={() => void save()}
    >
      <NicSourceFields value={source} onChange={setSource} field={change.field} enabled />
      <SelectField
        label="Link state"
        value={link}
        onChange={(v) => setLink(v as 'up' | 'down')}
        error={change.field('linkState')}
        hint="Down is like pulling the cable: the guest sees no carrier."
      >
        <option value="up">Up</option>
        <option value="down">Down</option>
      </SelectField>
      <ScopePicker value={scope} onChange={setScope} blocked={blocked} />
    </ChangeDialog>
  );
}

function nicColumns(running: boolean, actions: (n: NicView) => ReactNode): Column<NicView>[] {
  return [
    { id: 'mac', header: 'MAC', className: 'font-mono text-xs', cell: (n) => n.mac },
    {
      id: 'source',
      header: 'Connected to',
      cell: (n) => (
        <span data-testid="nic-source">
          {n.type === 'network' ? 'network' : n.type} {n.source ?? '—'}
        </span>
      ),
    },
    { id: 'model', header: 'Model', cell: (n) => n.model ?? '—' },
    { id: 'link', header: 'Link', cell: (n) => <span data-testid="nic-link">{n.linkState}</span> },
    {
      id: 'in',
      header: 'In',
      cell: (n) => (
        <>
          <Presence inLive={n.inLive} inPersistent={n.inPersistent} running={running} />
          <NextBoot diff={n.nextBoot} />
          <RemovalRequested requested={n.removalRequested} />
        </>
      ),
    },
    { id: 'actions', header: '', className: 'whitespace-nowrap text-right', cell: actions },
  ];
}

export function NicsSection() {
  const { vm, hw, canEdit } = useHardwareTab();
  const change = useChange();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<NicView | null>(null);
  const [removing, setRemoving] = useState<NicView | null>(null);
  const open = (fn: () => void) => () => {
    change.reset();
    fn();
  };
  const columns = nicColumns(hw.running, (n) =>
    canEdit ? <DeviceActions what="interface" id={n.mac} onEdit={open(() => setEditing(n))} onRemove={open(() => setRemoving(n))} /> : null,
  );
  return (
    <Section
      title="Network interfaces"
      testId="hw-nics"
      actions={
        canEdit ? (
          <Button variant="primary" className="px-2 py-1 text-xs" onClick={open(() => setAdding(true))}>
            Add interface…
          </Button>
        ) : null
      }
    >
      <DataTable
        rows={hw.nics}
        columns={columns}
        rowKey={(n) => n.mac}
        rowTestId={(n) => `nic-row-${n.mac}`}
        frame="plain"
        testId="nic-table"
        empty="No network interfaces."
      />
      <ChangeResult outcome={change.outcome} problem={adding || editing || removing ? null : change.problem} />
      <AddNicDialog open={adding} onClose={() => setAdding(false)} change={change} />
      <EditNicDialog nic={editing} onClose={() => setEditing(null)} change={change} />
      <RemoveDialog
        open={removing !== null}
        title={`Remove interface ${removing?.mac ?? ''}`}
        confirmLabel="Remove interface"
        running={hw.running}
        notLive={removing ? !removing.inLive : false}
        path={`/nics/${encodeURIComponent(removing?.mac ?? '')}`}
        change={change}
        onClose={() => setRemoving(null)}
      >
        Detaches the interface <span className="font-mono">{removing?.mac}</span> ({removing?.source ?? '—'}) from {vm}.
      </RemoveDialog>
    </Section>
  );
}
