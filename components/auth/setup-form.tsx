'use client';

import { useState, type FormEvent } from 'react';
import { useMutation } from '@/components/data/mutation';
import { fieldError } from '@/components/data/problem';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/inputs';
import { reloadAt } from '@/components/navigation';

export function SetupForm() {
  const setup = useMutation();
  const [mismatch, setMismatch] = useState(false);
  // After a success the page is being replaced: stay busy until it is.
  const [leaving, setLeaving] = useState(false);
  const errors = setup.problem?.fields;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const differ = form.get('password') !== form.get('confirm');
    setMismatch(differ);
    if (differ) return;
    const r = await setup.send('/api/setup', { body: { setupCode: form.get('setupCode'), username: form.get('username'), password: form.get('password') } });
    if (!r.ok) return;
    setLeaving(true);
    reloadAt('/');
  }

  const busy = setup.busy || leaving;
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      {setup.problem ? <Alert>{setup.problem.message}</Alert> : null}
      <TextField label="Setup code" name="setupCode" autoComplete="off" required placeholder="XXXX-XXXX-XXXX" error={fieldError(errors, 'setupCode')} />
      <TextField label="Admin user name" name="username" autoComplete="username" required maxLength={32} error={fieldError(errors, 'username')} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" required error={fieldError(errors, 'password')} />
      <TextField
        label="Repeat password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={mismatch ? 'The two passwords differ.' : fieldError(errors, 'confirm')}
      />
      <Button type="submit" variant="primary" disabled={busy} className="w-full justify-center">
        {busy ? 'Creating…' : 'Create admin account'}
      </Button>
    </form>
  );
}
