'use client';

import { useEffect } from 'react';
import { formatBytes } from '@/components/format';
import { Alert } from '@/components/ui/alert';
import { fieldError, type Refusal } from './change';
import { Choice, TextInput } from './inputs';
import { usePools, useVolumes } from './sources';

// Which image goes into a CD-ROM drive: a volume of a running pool, a file path, or (where allowed) none.

export type MediaForm = { kind: 'none' } | { kind: 'volume'; pool: string; volume: string } | { kind: 'path'; path: string };

export function mediaBody(m: MediaForm): { pool: string; volume: string } | { path: string } | null {
  if (m.kind === 'volume') return { pool: m.pool, volume: m.volume };
  if (m.kind === 'path') return { path: m.path.trim() };
  return null;
}

export function MediaFields({ value, onChange, refusal, enabled, allowNone, name }: {
  value: MediaForm; onChange: (m: MediaForm) => void; refusal: Refusal | null; enabled: boolean; allowNone: boolean; name: string;
}) {
  const { pools, error: poolError } = usePools(enabled);
  const active = (pools ?? []).filter((p) => p.active);
  const pool = value.kind === 'volume' ? value.pool : '';
  const { volumes, error: volumeError } = useVolumes(pool);

  useEffect(() => {
    if (value.kind === 'volume' && !value.pool && active[0]) onChange({ ...value, pool: active[0].name });
  }, [value, active, onChange]);
  useEffect(() => {
    if (value.kind !== 'volume' || !volumes || volumes.some((v) => v.name === value.volume)) return;
    const pick = volumes.find((v) => /\.iso$/i.test(v.name)) ?? volumes[0];
    if (pick) onChange({ ...value, volume: pick.name });
  }, [value, volumes, onChange]);

  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="mb-1 font-medium text-slate-700">Media</legend>
        {allowNone ? <label className="mr-4 inline-flex items-center gap-1.5"><input type="radio" name={name} checked={value.kind === 'none'} onChange={() => onChange({ kind: 'none' })} />None (empty drive)</label> : null}
        <label className="mr-4 inline-flex items-center gap-1.5"><input type="radio" name={name} checked={value.kind === 'volume'} onChange={() => onChange({ kind: 'volume', pool: active[0]?.name ?? '', volume: '' })} />Volume in a pool</label>
        <label className="inline-flex items-center gap-1.5"><input type="radio" name={name} checked={value.kind === 'path'} onChange={() => onChange({ kind: 'path', path: '' })} />File path on the host</label>
      </fieldset>
      {value.kind === 'volume' ? (
        <>
          {poolError ? <Alert>{poolError}</Alert> : null}
          {volumeError ? <Alert>{volumeError}</Alert> : null}
          <Choice label="Pool" value={value.pool} onChange={(p) => onChange({ kind: 'volume', pool: p, volume: '' })} error={fieldError(refusal, 'pool')}
            hint={pools && active.length === 0 ? 'No running storage pool: start one on the Storage page, or give a file path.' : undefined}>
            {pools === null ? <option value="">Loading…</option> : null}
            {active.map((p) => <option key={p.name} value={p.name}>{p.name}</option>)}
          </Choice>
          <Choice label="Image" value={value.volume} onChange={(v) => onChange({ ...value, volume: v })} error={fieldError(refusal, 'volume', 'media')}>
            {volumes === null ? <option value="">{value.pool ? 'Loading…' : 'Choose a pool'}</option> : null}
            {volumes?.length === 0 ? <option value="">The pool has no volumes</option> : null}
            {volumes?.map((v) => <option key={v.name} value={v.name}>{v.name} ({formatBytes(v.capacity)})</option>)}
          </Choice>
        </>
      ) : null}
      {value.kind === 'path' ? (
        <TextInput label="Image path" value={value.path} onChange={(p) => onChange({ kind: 'path', path: p })} placeholder="/var/lib/libvirt/images/install.iso"
          error={fieldError(refusal, 'path', 'media')} />
      ) : null}
    </div>
  );
}
