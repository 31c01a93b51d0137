'use client';

import { useHostId } from '@/components/hosts/host-scope';
import { useState } from 'react';
import { keys, poolTouches } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import { fieldError } from '@/components/data/problem';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { NumberField, SelectField, TextField } from '@/components/ui/inputs';
import { withFormatExtension } from '@/lib/storage/extensions';
import type { VolumeFormat } from '@/lib/storage/volume-model';
import { SIZE_UNITS, toBytes, type SizeUnit } from './sizes';

export function VolumeCreateForm({ pool }: { pool: string }) {
  const host = useHostId();
  const [f, setF] = useState({ name: '', format: 'qcow2' as VolumeFormat, size: '10', unit: 'GiB' as SizeUnit });
  const create = useMutation();
  const errors = create.problem?.fields;
  // The name the volume gets: the format's extension unless the name has one.
  const fileName = withFormatExtension(f.name, f.format);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const capacity = toBytes(f.size, f.unit);
    const body = { name: fileName, format: f.format, capacity: Number.isFinite(capacity) ? capacity : 0 };
    if ((await create.send(keys.volumes(host, pool), { body, touches: poolTouches(host, pool) })).ok) setF((o) => ({ ...o, name: '' }));
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <h2 className="font-semibold">New volume</h2>
      {create.problem ? <Alert testId="volume-form-error">{create.problem.message}</Alert> : null}
      <TextField
        label="Volume name"
        value={f.name}
        onChange={(name) => setF({ ...f, name })}
        error={fieldError(errors, 'name')}
        autoComplete="off"
        hint={fileName && fileName !== f.name.trim() ? `Created as ${fileName}` : undefined}
      />
      <SelectField
        label="Format"
        value={f.format}
        onChange={(format) => setF({ ...f, format: format as VolumeFormat, name: withFormatExtension(f.name, format as VolumeFormat) })}
        error={fieldError(errors, 'format')}
      >
        <option value="qcow2">qcow2 (grows as used, snapshots)</option>
        <option value="raw">raw (plain bytes)</option>
      </SelectField>
      <NumberField
        label="Size"
        value={f.size}
        onChange={(size) => setF({ ...f, size })}
        error={fieldError(errors, 'capacity')}
        min={0}
        step="any"
        units={{ value: f.unit, options: Object.keys(SIZE_UNITS), onChange: (unit) => setF({ ...f, unit: unit as SizeUnit }) }}
      />
      <Button type="submit" variant="primary" disabled={create.busy}>
        {create.busy ? 'Creating…' : 'Create volume'}
      </Button>
    </form>
  );
}
