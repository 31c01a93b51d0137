'use client';

import { useState } from 'react';
import type { NicAdd, NicUpdate, NicView } from '@/lib/hardware/types';
import { isNicModel, NIC_MODEL_LABELS } from '@/lib/domain-xml/constants';
import type { Column } from '@/components/ui/data-table';
import { Options, SelectField, TextField } from '@/components/ui/inputs';
import { useHardwareTab } from './context';
import { DeviceSection, DeviceTable, useDeviceDialogs, type DeviceKind } from './device-section';
import { NicSourceFields, type NicSourceForm } from './nic-source';
import { toScope, type ScopeChoice } from './scope';
import { ScopedDialog, type DeviceDialogProps } from './scoped-dialog';

function AddNicDialog(props: DeviceDialogProps) {
  const { open, change } = props;
  const { hw } = useHardwareTab();
  const [source, setSource] = useState<NicSourceForm>({ type: 'network', network: 'default' });
  const [model, setModel] = useState(hw.nicModels.includes('virtio') ? 'virtio' : (hw.nicModels[0] ?? 'virtio'));
  const [mac, setMac] = useState('');
  function save(scope: ScopeChoice) {
    const body: NicAdd = { ...toScope(scope), source, model };
    if (mac.trim()) body.mac = mac.trim();
    return change.submit('/nics', 'POST', body);
  }
  return (
    <ScopedDialog {...props} title="Add network interface" testId="add-nic-dialog" submitLabel="Add interface" busyLabel="Adding…" submit={save}>
      <NicSourceFields value={source} onChange={setSource} field={change.field} enabled={open} pickFirst />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Model" value={model} onChange={setModel} error={change.field('model')}>
          <Options values={hw.nicModels} label={(m) => (isNicModel(m) ? NIC_MODEL_LABELS[m] : m)} />
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
    </ScopedDialog>
  );
}

function sourceOf(n: NicView): NicSourceForm {
  return n.type === 'bridge' ? { type: 'bridge', bridge: n.source ?? '' } : { type: 'network', network: n.source ?? '' };
}

function EditNic({ nic, onClose, change }: Omit<DeviceDialogProps, 'open'> & { nic: NicView }) {
  const { hw } = useHardwareTab();
  const [source, setSource] = useState(() => sourceOf(nic));
  const [link, setLink] = useState<'up' | 'down'>(nic.linkState);
  function save(scope: ScopeChoice) {
    const body: NicUpdate = { ...toScope(scope) };
    if (JSON.stringify(source) !== JSON.stringify(sourceOf(nic))) body.source = source;
    if (link !== nic.linkState) body.linkState = link;
    return change.submit(`/nics/${encodeURIComponent(nic.mac)}`, 'PATCH', body);
  }
  return (
    <ScopedDialog
      open
      title={`Edit interface ${nic.mac}`}
      testId="edit-nic-dialog"
      submitLabel="Save interface"
      busyLabel="Saving…"
      change={change}
      persistentOnly={hw.running && !nic.inLive ? 'This interface is not in the running guest.' : undefined}
      onClose={onClose}
      submit={save}
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
    </ScopedDialog>
  );
}

const NIC_COLUMNS: Column<NicView>[] = [
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
];

const NIC: DeviceKind<NicView> = {
  what: 'interface',
  id: (n) => n.mac,
  collection: '/nics',
  title: 'Network interfaces',
  testId: 'hw-nics',
  addLabel: 'Add interface…',
};

export function NicsSection() {
  const { vm, hw } = useHardwareTab();
  const d = useDeviceDialogs(NIC);
  return (
    <DeviceSection
      devices={d}
      addDialog={(props) => <AddNicDialog {...props} />}
      editDialog={(nic, props) => (nic ? <EditNic key={nic.mac} nic={nic} {...props} /> : null)}
      removal={(nic) => (
        <>
          Detaches the interface <span className="font-mono">{nic?.mac}</span> ({nic?.source ?? '—'}) from {vm}.
        </>
      )}
    >
      <DeviceTable devices={d} rows={hw.nics} columns={NIC_COLUMNS} rowTestId={(n) => `nic-row-${n.mac}`} testId="nic-table" empty="No network interfaces." />
    </DeviceSection>
  );
}
