'use client';

import { usePlacement } from '@/components/data/hooks';
import { fieldError } from '@/components/data/problem';
import type { HostVerdict } from '@/components/data/types';
import { formatBytes } from '@/components/format';
import { Alert } from '@/components/ui/alert';
import { DataTable, type Column } from '@/components/ui/data-table';
import { RadioGroup, SelectField, type RadioOption } from '@/components/ui/inputs';
import type { StepProps } from './step-props';
import { placementBody, type WizardState } from './wizard-state';

// The host step: every host judged for this VM (free vCPUs and memory after what its running and autostart VMs
// reserve, the pools and networks it needs, anti-affinity by tag), placement's pick and why, or a host chosen by
// hand. A chosen host that does not fit is refused with its reasons when moving on (create-wizard.tsx).

const CHOICES: RadioOption<WizardState['hostChoice']>[] = [
  { value: 'auto', label: 'Pick for me', hint: 'The host that fits with the most free memory after reservations.' },
  { value: 'manual', label: 'Choose the host' },
];

function poolSpace(v: HostVerdict, pool: string): string {
  const p = v.room?.pools.find((x) => x.name === pool);
  if (!v.room) return '—';
  if (!p) return `no pool '${pool}'`;
  return p.active ? `${formatBytes(p.availableBytes)} free in ${pool}` : `${pool} not running`;
}

function columns(pool: string): Column<HostVerdict>[] {
  return [
    { id: 'host', header: 'Host', cell: (v) => `${v.host.name} (${v.host.id})` },
    { id: 'fits', header: 'Fits', cell: (v) => <span data-testid="placement-fits">{v.fits ? 'Fits' : 'Does not fit'}</span> },
    { id: 'cpu', header: 'Free vCPUs', cell: (v) => (v.room ? `${Math.max(0, v.room.vcpusFree)} of ${v.room.vcpuCapacity}` : '—') },
    { id: 'memory', header: 'Free memory', cell: (v) => (v.room ? `${Math.max(0, v.room.memoryFreeMiB)} of ${v.room.memoryTotalMiB} MiB` : '—') },
    { id: 'pool', header: 'Pool space', cell: (v) => poolSpace(v, pool) },
    { id: 'why', header: 'Why not', className: 'whitespace-normal', cell: (v) => <span data-testid="placement-reasons">{v.reasons.join('; ')}</span> },
  ];
}

export function StepHost({ s, set, errors }: StepProps) {
  const { data, error } = usePlacement(placementBody(s));
  const chosen = data?.hosts.find((v) => v.host.id === s.targetHost);
  return (
    <div className="space-y-3">
      <RadioGroup legend="Where the VM runs" name="host-choice" value={s.hostChoice} onChange={(hostChoice) => set({ hostChoice })} options={CHOICES} />
      {s.hostChoice === 'auto' && data ? (
        data.chosen ? (
          <p className="text-sm" data-testid="placement-choice">
            Picked <strong>{data.chosen.name}</strong>: {data.reason}
          </p>
        ) : (
          <Alert testId="placement-choice">{data.reason}</Alert>
        )
      ) : null}
      {s.hostChoice === 'manual' ? (
        <SelectField label="Host" value={s.targetHost} onChange={(targetHost) => set({ targetHost })} error={fieldError(errors, 'host')}>
          {(data?.hosts ?? []).map((v) => (
            <option key={v.host.id} value={v.host.id}>
              {v.host.name} ({v.host.id}){v.fits ? '' : ' — does not fit'}
            </option>
          ))}
          {data?.hosts.some((v) => v.host.id === s.targetHost) ? null : <option value={s.targetHost}>{s.targetHost}</option>}
        </SelectField>
      ) : null}
      {s.hostChoice === 'manual' && chosen && !chosen.fits && !fieldError(errors, 'host') ? (
        <Alert tone="warning" testId="placement-warning">
          {chosen.host.name} does not fit this VM: {chosen.reasons.join('; ')}.
        </Alert>
      ) : null}
      {s.hostChoice === 'auto' && fieldError(errors, 'host') ? <Alert testId="placement-refusal">{fieldError(errors, 'host')}</Alert> : null}
      <DataTable
        rows={data?.hosts}
        columns={columns(s.pool)}
        rowKey={(v) => v.host.id}
        rowTestId={(v) => `placement-row-${v.host.id}`}
        empty="No hosts."
        error={error}
        testId="placement-hosts"
      />
    </div>
  );
}
