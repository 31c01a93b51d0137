'use client';

import { fieldError } from '@/components/data/problem';
import { Options, SelectField } from '@/components/ui/inputs';
import { NIC_MODEL_LABELS, NIC_MODELS, type NicModel } from '@/lib/domain-xml/constants';
import type { StepProps } from './step-props';

export function StepNetwork({ s, set, options, errors }: StepProps) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <SelectField
        label="Connect to"
        value={s.netType}
        onChange={(v) => set({ netType: v as 'network' | 'bridge' | 'none' })}
        error={fieldError(errors, 'network.type')}
      >
        <option value="network">A libvirt network</option>
        <option value="bridge">A host bridge</option>
        <option value="none">No network</option>
      </SelectField>
      {s.netType === 'network' ? (
        <SelectField label="Network" value={s.network} onChange={(v) => set({ network: v })} error={fieldError(errors, 'network.network', 'network')}>
          <option value="">Choose a network…</option>
          {options.networks.map((n) => (
            <option key={n.name} value={n.name}>
              {n.name} ({n.mode}
              {n.active ? '' : ', not running'})
            </option>
          ))}
        </SelectField>
      ) : null}
      {s.netType === 'bridge' ? (
        <SelectField label="Bridge" value={s.bridge} onChange={(v) => set({ bridge: v })} error={fieldError(errors, 'network.bridge', 'network')}>
          <option value="">Choose a bridge…</option>
          <Options values={options.bridges} />
        </SelectField>
      ) : null}
      {s.netType !== 'none' ? (
        <SelectField label="NIC model" value={s.nicModel} onChange={(v) => set({ nicModel: v as NicModel })} error={fieldError(errors, 'network.model')}>
          <Options values={NIC_MODELS} label={(m) => NIC_MODEL_LABELS[m]} />
        </SelectField>
      ) : null}
    </div>
  );
}
