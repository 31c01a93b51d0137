'use client';

import { hostPage } from '@/components/data/keys';
import { useHostId } from '@/components/hosts/host-scope';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { POOL_TYPES, type PoolType } from '@/lib/storage/pool-types';
import { usePools } from '@/components/data/hooks';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import { fieldError } from '@/components/data/problem';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField, SelectField, TextField } from '@/components/ui/inputs';

// Checks that matter run on the server (names, paths, what each type needs, what the host supports); errors come
// back per field and are shown next to their input.

const typeLabels: Record<PoolType, string> = {
  dir: 'Directory on the host',
  fs: 'Filesystem on a block device (mounted by libvirt)',
  netfs: 'NFS export (mounted by libvirt)',
  logical: 'LVM volume group',
};

const flagLabels = { build: 'Build (create the directory)', start: 'Start now', autostart: 'Start at host boot' } as const;

export function PoolForm() {
  const host = useHostId();
  const router = useRouter();
  const listing = usePools();
  // Until the host has said which pool types it supports (or when it cannot say), offer a directory.
  const hostTypes = listing.data?.hostTypes ?? (listing.error ? ['dir'] : null);
  const [f, setF] = useState({
    name: '',
    type: 'dir' as PoolType,
    targetPath: '',
    sourceDevice: '',
    sourceHost: '',
    sourceDir: '',
    sourceName: '',
    build: true,
    start: true,
    autostart: false,
  });
  const create = useMutation();
  const set =
    <K extends keyof typeof f>(k: K) =>
    (v: (typeof f)[K]) =>
      setF((o) => ({ ...o, [k]: v }));
  const offered = POOL_TYPES.filter((t) => !hostTypes || hostTypes.includes(t));
  const err = (k: string) => fieldError(create.problem?.fields, k);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if ((await create.send(keys.pools(host), { body: f, touches: [keys.pools(host)] })).ok)
      router.push(hostPage(host, `/storage/${encodeURIComponent(f.name.trim())}`));
  }

  const needs = {
    targetPath: f.type !== 'logical',
    sourceDevice: f.type === 'fs',
    sourceHost: f.type === 'netfs',
    sourceDir: f.type === 'netfs',
    sourceName: f.type === 'logical',
  };
  return (
    <form onSubmit={submit} className="max-w-xl space-y-4" noValidate>
      <h1 className="text-xl font-semibold">Create storage pool</h1>
      {create.problem ? <Alert testId="pool-form-error">{create.problem.message}</Alert> : null}
      <TextField label="Name" value={f.name} onChange={set('name')} error={err('name')} autoComplete="off" />
      <SelectField label="Type" value={f.type} onChange={(v) => set('type')(v as PoolType)} error={err('type')}>
        {offered.map((t) => (
          <option key={t} value={t}>
            {typeLabels[t]}
          </option>
        ))}
      </SelectField>
      {needs.sourceHost ? <TextField label="NFS server" value={f.sourceHost} onChange={set('sourceHost')} error={err('sourceHost')} /> : null}
      {needs.sourceDir ? <TextField label="Exported directory" value={f.sourceDir} onChange={set('sourceDir')} error={err('sourceDir')} /> : null}
      {needs.sourceDevice ? (
        <TextField label="Block device" value={f.sourceDevice} onChange={set('sourceDevice')} error={err('sourceDevice')} placeholder="/dev/sdb1" />
      ) : null}
      {needs.sourceName ? <TextField label="Volume group" value={f.sourceName} onChange={set('sourceName')} error={err('sourceName')} /> : null}
      {needs.targetPath ? (
        <TextField label="Target path" value={f.targetPath} onChange={set('targetPath')} error={err('targetPath')} placeholder="/var/lib/libvirt/images/pool" />
      ) : null}
      <div className="flex gap-4">
        {(['build', 'start', 'autostart'] as const).map((k) => (
          <CheckboxField key={k} label={flagLabels[k]} checked={f[k]} onChange={set(k)} />
        ))}
      </div>
      <Button type="submit" variant="primary" disabled={create.busy}>
        {create.busy ? 'Creating…' : 'Create pool'}
      </Button>
    </form>
  );
}
