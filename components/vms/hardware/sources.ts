'use client';

import { useEffect, useState } from 'react';
import { api } from '@/components/api-client';
import { refusalOf } from './change';

// Pools, volumes, networks and bridges the add/insert forms offer, read from the storage and network APIs.

export interface PoolChoice { name: string; active: boolean; available: number; targetPath: string | null }
export interface VolumeChoice { name: string; path: string | null; format: string | null; capacity: number }
export interface NetworkChoices { networks: { name: string; active: boolean }[]; bridges: { name: string }[]; hostLocal: boolean }

export function usePools(enabled: boolean): { pools: PoolChoice[] | null; error: string | null } {
  const [pools, setPools] = useState<PoolChoice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api<{ pools: PoolChoice[] }>('/api/storage/pools').then(
      (r) => live && setPools(r.pools),
      (err: unknown) => live && setError(`Storage pools could not be listed: ${refusalOf(err).message}`),
    );
    return () => { live = false; };
  }, [enabled]);
  return { pools, error };
}

export function useVolumes(pool: string): { volumes: VolumeChoice[] | null; error: string | null } {
  const [volumes, setVolumes] = useState<VolumeChoice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setVolumes(null);
    setError(null);
    if (!pool) return;
    let live = true;
    api<{ volumes: VolumeChoice[] }>(`/api/storage/pools/${encodeURIComponent(pool)}/volumes`).then(
      (r) => live && setVolumes(r.volumes),
      (err: unknown) => live && setError(`Volumes of "${pool}" could not be listed: ${refusalOf(err).message}`),
    );
    return () => { live = false; };
  }, [pool]);
  return { volumes, error };
}

export function useNetworks(enabled: boolean): { choices: NetworkChoices | null; error: string | null } {
  const [choices, setChoices] = useState<NetworkChoices | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api<NetworkChoices>('/api/networks').then(
      (r) => live && setChoices({ networks: r.networks ?? [], bridges: r.bridges ?? [], hostLocal: r.hostLocal }),
      (err: unknown) => live && setError(`Networks could not be listed: ${refusalOf(err).message}`),
    );
    return () => { live = false; };
  }, [enabled]);
  return { choices, error };
}
