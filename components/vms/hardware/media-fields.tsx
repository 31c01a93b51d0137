'use client';

import { useEffect, useMemo } from 'react';
import { usePools, useVolumes } from '@/components/data/hooks';
import { isImage, volumeOptionLabel } from '@/components/storage/volume-label';
import { Alert } from '@/components/ui/alert';
import { RadioGroup, SelectField, TextField } from '@/components/ui/inputs';
import type { ChangeState } from './change';

// Which image goes into a CD-ROM drive: a volume of a running pool, a file path, or (where allowed) none.

export type MediaForm = { kind: 'none' } | { kind: 'volume'; pool: string; volume: string } | { kind: 'path'; path: string };

export function mediaBody(m: MediaForm): { pool: string; volume: string } | { path: string } | null {
  if (m.kind === 'volume') return { pool: m.pool, volume: m.volume };
  if (m.kind === 'path') return { path: m.path.trim() };
  return null;
}

const KINDS = [
  { value: 'none', label: 'None (empty drive)' },
  { value: 'volume', label: 'Volume in a pool' },
  { value: 'path', label: 'File path on the host' },
] as const;

export function MediaFields({
  value,
  onChange,
  field,
  enabled,
  allowNone,
  name,
}: {
  value: MediaForm;
  onChange: (m: MediaForm) => void;
  field: ChangeState['field'];
  enabled: boolean;
  allowNone: boolean;
  name: string;
}) {
  const { data: pools, error: poolError } = usePools({ enabled });
  const active = (pools?.pools ?? []).filter((p) => p.active);
  const pool = value.kind === 'volume' ? value.pool : '';
  const { data: listed, error: volumeError } = useVolumes(enabled && pool ? pool : null);
  const volumes = useMemo(() => listed?.volumes.filter(isImage), [listed]);

  // The form holds a complete choice: the first running pool, then its first ISO (or first volume).
  const firstPool = active[0]?.name;
  useEffect(() => {
    if (value.kind === 'volume' && !value.pool && firstPool) onChange({ ...value, pool: firstPool });
  }, [value, firstPool, onChange]);
  useEffect(() => {
    if (value.kind !== 'volume' || !volumes || volumes.some((v) => v.name === value.volume)) return;
    const pick = volumes.find((v) => /\.iso$/i.test(v.name)) ?? volumes[0];
    if (pick) onChange({ ...value, volume: pick.name });
  }, [value, volumes, onChange]);

  const kinds = allowNone ? KINDS : KINDS.filter((k) => k.value !== 'none');
  const choose = (kind: MediaForm['kind']) =>
    onChange(kind === 'volume' ? { kind, pool: firstPool ?? '', volume: '' } : kind === 'path' ? { kind, path: '' } : { kind });

  return (
    <div className="space-y-3">
      <RadioGroup legend="Media" name={name} value={value.kind} onChange={choose} options={kinds} />
      {value.kind === 'volume' ? (
        <>
          {poolError ? <Alert>Storage pools could not be listed: {poolError.message}</Alert> : null}
          {volumeError ? (
            <Alert>
              Volumes of &quot;{pool}&quot; could not be listed: {volumeError.message}
            </Alert>
          ) : null}
          <SelectField
            label="Pool"
            value={value.pool}
            onChange={(p) => onChange({ kind: 'volume', pool: p, volume: '' })}
            error={field('pool')}
            hint={pools && active.length === 0 ? 'No running storage pool: start one on the Storage page, or give a file path.' : undefined}
          >
            {pools === undefined ? <option value="">Loading…</option> : null}
            {active.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Image" value={value.volume} onChange={(v) => onChange({ ...value, volume: v })} error={field('volume', 'media')}>
            {volumes === undefined ? <option value="">{value.pool ? 'Loading…' : 'Choose a pool'}</option> : null}
            {volumes?.length === 0 ? <option value="">The pool has no volumes</option> : null}
            {volumes?.map((v) => (
              <option key={v.name} value={v.name}>
                {volumeOptionLabel(v)}
              </option>
            ))}
          </SelectField>
        </>
      ) : null}
      {value.kind === 'path' ? (
        <TextField
          label="Image path"
          value={value.path}
          onChange={(p) => onChange({ kind: 'path', path: p })}
          placeholder="/var/lib/libvirt/images/install.iso"
          error={field('path', 'media')}
        />
      ) : null}
    </div>
  );
}
