'use client';

import { useState } from 'react';
import { api, ApiError } from '@/components/api-client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { SIZE_UNITS, toBytes, type SizeUnit } from './sizes';

export function VolumeCreateForm({ pool, onCreated }: { pool: string; onCreated: () => Promise<void> }) {
  const [f, setF] = useState({ name: '', format: 'qcow2', size: '10', unit: 'GiB' as SizeUnit });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const capacity = toBytes(f.size, f.unit);
      await api(`/api/storage/pools/${encodeURIComponent(pool)}/volumes`, { body: { name: f.name, format: f.format, capacity: Number.isFinite(capacity) ? capacity : 0 } });
      setF((o) => ({ ...o, name: '' }));
      await onCreated();
    } catch (err) {
      setError((err as Error).message);
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <h2 className="font-semibold">New volume</h2>
      {error ? <Alert testId="volume-form-error">{error}</Alert> : null}
      <Field label="Volume name" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} error={fields.name} autoComplete="off" />
      <Select label="Format" value={f.format} onChange={(v) => setF({ ...f, format: v })} error={fields.format}>
        <option value="qcow2">qcow2 (grows as used, snapshots)</option>
        <option value="raw">raw (plain bytes)</option>
      </Select>
      <div className="flex gap-2">
        <div className="flex-1"><Field label="Size" value={f.size} onChange={(e) => setF({ ...f, size: e.target.value })} error={fields.capacity} inputMode="decimal" /></div>
        <div className="w-28"><Select label="Unit" value={f.unit} onChange={(v) => setF({ ...f, unit: v as SizeUnit })}>{Object.keys(SIZE_UNITS).map((u) => <option key={u}>{u}</option>)}</Select></div>
      </div>
      <Button type="submit" variant="primary" disabled={busy}>{busy ? 'Creating…' : 'Create volume'}</Button>
    </form>
  );
}
