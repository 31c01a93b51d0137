'use client';

import { useEffect } from 'react';
import { useNetworks } from '@/components/data/hooks';
import { Alert } from '@/components/ui/alert';
import { RadioGroup, SelectField } from '@/components/ui/inputs';
import type { FieldGroupProps } from './change';

export type NicSourceForm = { type: 'network'; network: string } | { type: 'bridge'; bridge: string };

const TYPES = [
  { value: 'network', label: 'Virtual network' },
  { value: 'bridge', label: 'Host bridge' },
] as const;

/** Libvirt network or host bridge, picked from GET /api/networks. */
export function NicSourceFields({
  value,
  onChange,
  field,
  enabled,
  pickFirst = false,
}: FieldGroupProps<NicSourceForm> & {
  enabled: boolean;
  /** For a new interface: replace a preset that does not exist here with the first choice offered. */
  pickFirst?: boolean;
}) {
  const { data: choices, error } = useNetworks({ enabled });
  const networks = choices?.networks ?? [];
  const bridges = choices?.bridges ?? [];
  useEffect(() => {
    if (!pickFirst || !choices) return;
    if (value.type === 'network' && !choices.networks.some((n) => n.name === value.network) && choices.networks[0])
      onChange({ type: 'network', network: choices.networks[0].name });
    if (value.type === 'bridge' && !choices.bridges.some((b) => b.name === value.bridge) && choices.bridges[0])
      onChange({ type: 'bridge', bridge: choices.bridges[0].name });
  }, [pickFirst, choices, value, onChange]);
  return (
    <div className="space-y-3">
      {error ? <Alert>Networks could not be listed: {error.message}</Alert> : null}
      <RadioGroup
        legend="Connect to"
        name="nic-source-type"
        value={value.type}
        options={TYPES}
        onChange={(type) => onChange(type === 'network' ? { type, network: networks[0]?.name ?? '' } : { type, bridge: bridges[0]?.name ?? '' })}
      />
      {value.type === 'network' ? (
        <SelectField label="Network" value={value.network} onChange={(network) => onChange({ type: 'network', network })} error={field('network')}>
          {choices === undefined ? <option value={value.network}>{value.network || 'Loading…'}</option> : null}
          {choices && !networks.some((n) => n.name === value.network) ? <option value="">Choose a network</option> : null}
          {networks.map((n) => (
            <option key={n.name} value={n.name}>
              {n.name}
              {n.active ? '' : ' (inactive)'}
            </option>
          ))}
        </SelectField>
      ) : (
        <SelectField
          label="Bridge"
          value={value.bridge}
          onChange={(bridge) => onChange({ type: 'bridge', bridge })}
          error={field('bridge')}
          hint={
            choices && !choices.hostLocal
              ? 'Host bridges are only listed when libvirt runs on this host.'
              : choices && bridges.length === 0
                ? 'This host has no bridges.'
                : undefined
          }
        >
          {choices === undefined ? <option value={value.bridge}>{value.bridge || 'Loading…'}</option> : null}
          {choices && !bridges.some((b) => b.name === value.bridge) ? <option value={value.bridge}>{value.bridge || 'Choose a bridge'}</option> : null}
          {bridges.map((b) => (
            <option key={b.name} value={b.name}>
              {b.name}
            </option>
          ))}
        </SelectField>
      )}
    </div>
  );
}
