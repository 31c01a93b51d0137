'use client';

import { useEffect } from 'react';
import { RadioGroup, TextField } from '@/components/ui/inputs';
import type { FieldGroupProps } from './change';
import { PoolSelect, useImageVolumes, useRunningPools, VolumeSelect } from './pool-volume-select';

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

/** `enabled`: the dialog is open (the pools are read only then); `name` names the radio group. */
export function MediaFields({
  value,
  onChange,
  field,
  enabled,
  allowNone,
  name,
}: FieldGroupProps<MediaForm> & { enabled: boolean; allowNone: boolean; name: string }) {
  const pools = useRunningPools(enabled);
  const pool = value.kind === 'volume' ? value.pool : '';
  const images = useImageVolumes(enabled && pool ? pool : null);
  const volumes = images.volumes;

  // The form holds a complete choice: the first running pool, then its first ISO (or first volume).
  const firstPool = pools.active[0]?.name;
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
          <PoolSelect pools={pools} value={value.pool} onChange={(p) => onChange({ kind: 'volume', pool: p, volume: '' })} error={field('pool')} />
          <VolumeSelect
            label="Image"
            pool={value.pool}
            images={images}
            value={value.volume}
            onChange={(v) => onChange({ ...value, volume: v })}
            error={field('volume', 'media')}
          />
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
