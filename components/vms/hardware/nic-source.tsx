'use client';

import { useEffect } from 'react';
import { Alert } from '@/components/ui/alert';
import type { Refusal } from './change';
import { fieldError } from './change';
import { Choice } from './inputs';
import { useNetworks } from './sources';

export type NicSourceForm = { type: 'network'; network: string } | { type: 'bridge'; bridge: string };

/** Libvirt network or host bridge, picked from GET /api/networks. */
export function NicSourceFields({ value, onChange, refusal, enabled, pickFirst = false }: {
  value: NicSourceForm; onChange: (v: NicSourceForm) => void; refusal: Refusal | null; enabled: boolean;
  /** For a new interface: replace a preset that does not exist here with the first choice offered. */
  pickFirst?: boolean;
}) {
  const { choices, error } = useNetworks(enabled);
  const networks = choices?.networks ?? [];
  const bridges = choices?.bridges ?? [];
  useEffect(() => {
    if (!pickFirst || !choices) return;
    if (value.type === 'network' && !choices.networks.some((n) => n.name === value.network) && choices.networks[0]) onChange({ type: 'network', network: choices.networks[0].name });
    if (value.type === 'bridge' && !choices.bridges.some((b) => b.name === value.bridge) && choices.bridges[0]) onChange({ type: 'bridge', bridge: choices.bridges[0].name });
  }, [pickFirst, choices, value, onChange]);
  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <fieldset>
        <legend className="mb-1 font-medium text-slate-700">Connect to</legend>
        <label className="mr-4 inline-flex items-center gap-1.5">
          <input type="radio" name="nic-source-type" checked={value.type === 'network'} onChange={() => onChange({ type: 'network', network: networks[0]?.name ?? '' })} />Virtual network
        </label>
        <label className="inline-flex items-center gap-1.5">
          <input type="radio" name="nic-source-type" checked={value.type === 'bridge'} onChange={() => onChange({ type: 'bridge', bridge: bridges[0]?.name ?? '' })} />Host bridge
        </label>
      </fieldset>
      {value.type === 'network' ? (
        <Choice label="Network" value={value.network} onChange={(network) => onChange({ type: 'network', network })} error={fieldError(refusal, 'network')}>
          {choices === null ? <option value={value.network}>{value.network || 'Loading…'}</option> : null}
          {choices && !networks.some((n) => n.name === value.network) ? <option value="">Choose a network</option> : null}
          {networks.map((n) => <option key={n.name} value={n.name}>{n.name}{n.active ? '' : ' (inactive)'}</option>)}
        </Choice>
      ) : (
        <Choice label="Bridge" value={value.bridge} onChange={(bridge) => onChange({ type: 'bridge', bridge })} error={fieldError(refusal, 'bridge')}
          hint={choices && !choices.hostLocal ? 'Host bridges are only listed when libvirt runs on this host.' : choices && bridges.length === 0 ? 'This host has no bridges.' : undefined}>
          {choices === null ? <option value={value.bridge}>{value.bridge || 'Loading…'}</option> : null}
          {choices && !bridges.some((b) => b.name === value.bridge) ? <option value={value.bridge}>{value.bridge || 'Choose a bridge'}</option> : null}
          {bridges.map((b) => <option key={b.name} value={b.name}>{b.name}</option>)}
        </Choice>
      )}
    </div>
  );
}
