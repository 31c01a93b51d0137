'use client';

import { useMemo } from 'react';
import { usePools, useVolumes } from '@/components/data/hooks';
import { formatBytes } from '@/components/format';
import { isImage, volumeOptionLabel } from '@/components/storage/volume-label';
import { Alert } from '@/components/ui/alert';
import { SelectField } from '@/components/ui/inputs';

// Picking a volume of a running pool, for a new disk and for CD-ROM media: the pools, then the pool's images.

/** The host's running pools (fetched while `enabled`); `listed` is false until the list has come. */
export function useRunningPools(enabled: boolean) {
  const { data, error } = usePools({ enabled });
  const active = useMemo(() => (data?.pools ?? []).filter((p) => p.active), [data]);
  return { listed: data !== undefined, active, error };
}

/** The image volumes of `pool` (disk images and ISOs, not other files); undefined until they have come. */
export function useImageVolumes(pool: string | null) {
  const { data, error } = useVolumes(pool);
  const volumes = useMemo(() => data?.volumes.filter(isImage), [data]);
  return { volumes, error };
}

export function PoolSelect({
  pools,
  value,
  onChange,
  error,
  showFree = false,
}: {
  pools: ReturnType<typeof useRunningPools>;
  value: string;
  onChange: (pool: string) => void;
  error: string | undefined;
  /** Show each pool's free space (for a new volume). */
  showFree?: boolean;
}) {
  return (
    <>
      {pools.error ? <Alert>Storage pools could not be listed: {pools.error.message}</Alert> : null}
      <SelectField
        label="Pool"
        value={value}
        onChange={onChange}
        error={error}
        hint={pools.listed && pools.active.length === 0 ? 'No running storage pool: start one on the Storage page, or use a file path.' : undefined}
      >
        {pools.listed ? null : <option value="">Loading…</option>}
        {pools.active.map((p) => (
          <option key={p.name} value={p.name}>
            {showFree ? `${p.name} (${formatBytes(p.available)} free)` : p.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}

export function VolumeSelect({
  label,
  pool,
  images,
  value,
  onChange,
  error,
}: {
  label: string;
  pool: string;
  images: ReturnType<typeof useImageVolumes>;
  value: string;
  onChange: (volume: string) => void;
  error: string | undefined;
}) {
  const { volumes } = images;
  return (
    <>
      {images.error ? (
        <Alert>
          Volumes of &quot;{pool}&quot; could not be listed: {images.error.message}
        </Alert>
      ) : null}
      <SelectField label={label} value={value} onChange={onChange} error={error}>
        {volumes === undefined ? <option value="">{pool ? 'Loading…' : 'Choose a pool'}</option> : null}
        {volumes?.length === 0 ? <option value="">The pool has no volumes</option> : null}
        {volumes?.map((v) => (
          <option key={v.name} value={v.name}>
            {volumeOptionLabel(v)}
          </option>
        ))}
      </SelectField>
    </>
  );
}
