'use client';

import { useState, type FormEvent } from 'react';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import { fieldError } from '@/components/data/problem';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/inputs';
import { ROLE_CHOICES } from './roles';

export function UserCreateForm() {
  const create = useMutation();
  const [done, setDone] = useState<string | null>(null);
  const errors = create.problem?.fields;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const entered = form.get('username');
    const username = typeof entered === 'string' ? entered : '';
    setDone(null);
    const r = await create.send(keys.users, { body: { username, password: form.get('password'), role: form.get('role') }, touches: [keys.users] });
    if (!r.ok) return;
    setDone(`Created ${username}.`);
    formEl.reset();
  }

  return (
    <form onSubmit={submit} className="h-fit max-w-md space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <h2 className="font-semibold">Add a user</h2>
      {create.problem ? <Alert>{create.problem.message}</Alert> : null}
      <Alert tone="info">{done}</Alert>
      <TextField label="User name" name="username" required maxLength={32} error={fieldError(errors, 'username')} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" required error={fieldError(errors, 'password')} />
      <SelectField label="Role" name="role" defaultValue="viewer" error={fieldError(errors, 'role')}>
        {ROLE_CHOICES.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="primary" disabled={create.busy}>
        Add user
      </Button>
    </form>
  );
}
