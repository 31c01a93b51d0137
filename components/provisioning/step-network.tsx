'use client';

import { Select } from '@/components/ui/select';
import { NIC_MODEL_LABELS, NIC_MODELS, type NicModel } from '@/lib/domain-xml/constants';
import { err, type StepProps } from './step-props';

export function StepNetwork({ s, set, options, errors }: StepProps) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Select label="Connect to" value={s.netType} onChange={(v) => set({ netType: v as 'network' | 'bridge' | 'none' })} error={err(errors, 'network.type')}>
        <option value="network">A libvirt network</option>
        <option value="bridge">A host bridge</option>
        <option value="none">No network</option>
      </Select>
      {s.netType === 'network' ? (
        <Select label="Network" value={s.network} onChange={(v) => set({ network: v })} error={err(errors, 'network.network', 'network')}>
          <option value="">Choose a network…</option>
          {options.networks.map((n) => <option key={n.name} value={n.name}>{n.name} ({n.mode}{n.active ? '' : ', not running'})</option>)}
        </Select>
      ) : null}
      {s.netType === 'bridge' ? (
        <Select label="Bridge" value={s.bridge} onChange={(v) => set({ bridge: v })} error={err(errors, 'network.bridge', 'network')}>
          <option value="">Choose a bridge…</option>
          {options.bridges.map((b) => <option key={b} value={b}>{b}</option>)}
        </Select>
      ) : null}
      {s.netType !== 'none' ? (
        <Select label="NIC model" value={s.nicModel} onChange={(v) => set({ nicModel: v as NicModel })} error={err(errors, 'network.model')}>
          {NIC_MODELS.map((m) => <option key={m} value={m}>{NIC_MODEL_LABELS[m]}</option>)}
        </Select>
      ) : null}
    </div>
  );
}
