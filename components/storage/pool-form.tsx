'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { POOL_TYPES, type PoolType } from '@/lib/storage/pool-types';
import { api, ApiError } from '@/components/api-client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';

// Checks that matter run on the server (names, paths, what each type needs, what the host supports); errors come
// back per field and are shown next to their input.

const typeLabels: Record<PoolType, string> = {
  dir: 'Directory on the host',
  fs: 'Filesystem on a block device (mounted by libvirt)',
  netfs: 'NFS export (mounted by libvirt)',
  logical: 'LVM volume group',
};

export function PoolForm() {
  const router = useRouter();
  const [hostTypes, setHostTypes] = useState<string[] | null>(null);
  const [f, setF] = useState({ name: '', type: 'dir' as PoolType, targetPath: '', sourceDevice: '', sourceHost: '', sourceDir: '', sourceName: '', build: true, start: true, autostart: false });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api<{ hostTypes: string[] }>('/api/storage/pools').then((r) => setHostTypes(r.hostTypes), () => setHostTypes(['dir']));
  }, []);
  const set = <K extends keyof typeof f>(k: K) => (v: (typeof f)[K]) => setF((o) => ({ ...o, [k]: v }));
  const offered = POOL_TYPES.filter((t) => !hostTypes || hostTypes.includes(t));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await api('/api/storage/pools', { body: f });
      router.push(`/storage/${encodeURIComponent(f.name.trim())}`);
    } catch (err) {
      setError((err as Error).message);
      if (err instanceof ApiError) setFields(err.fields);
      setBusy(false);
    }
  }

  const needs = { targetPath: f.type !== 'logical', sourceDevice: f.type === 'fs', sourceHost: f.type === 'netfs', sourceDir: f.type === 'netfs', sourceName: f.type === 'logical' };
  return (
    <form onSubmit={submit} className="max-w-xl space-y-4" noValidate>
      <h1 className="text-xl font-semibold">Create storage pool</h1>
      {error ? <Alert testId="pool-form-error">{error}</Alert> : null}
      <Field label="Name" value={f.name} onChange={(e) => set('name')(e.target.value)} error={fields.name} autoComplete="off" />
      <Select label="Type" value={f.type} onChange={(v) => set('type')(v as PoolType)} error={fields.type}>
        {offered.map((t) => <option key={t} value={t}>{typeLabels[t]}</option>)}
      </Select>
      {needs.sourceHost ? <Field label="NFS server" value={f.sourceHost} onChange={(e) => set('sourceHost')(e.target.value)} error={fields.sourceHost} /> : null}
      {needs.sourceDir ? <Field label="Exported directory" value={f.sourceDir} onChange={(e) => set('sourceDir')(e.target.value)} error={fields.sourceDir} /> : null}
      {needs.sourceDevice ? <Field label="Block device" value={f.sourceDevice} onChange={(e) => set('sourceDevice')(e.target.value)} error={fields.sourceDevice} placeholder="/dev/sdb1" /> : null}
      {needs.sourceName ? <Field label="Volume group" value={f.sourceName} onChange={(e) => set('sourceName')(e.target.value)} error={fields.sourceName} /> : null}
      {needs.targetPath ? <Field label="Target path" value={f.targetPath} onChange={(e) => set('targetPath')(e.target.value)} error={fields.targetPath} placeholder="/var/lib/libvirt/images/pool" /> : null}
      <div className="flex gap-4 text-sm">
        {(['build', 'start', 'autostart'] as const).map((k) => (
          <label key={k} className="flex items-center gap-1.5">
            <input type="checkbox" checked={f[k]} onChange={(e) => set(k)(e.target.checked)} />
            {k === 'build' ? 'Build (create the directory)' : k === 'start' ? 'Start now' : 'Start at host boot'}
          </label>
        ))}
      </div>
      <Button type="submit" variant="primary" disabled={busy}>{busy ? 'Creating…' : 'Create pool'}</Button>
    </form>
  );
}
