'use client';

import { useState, type FormEvent } from 'react';
import { useMutation } from '@/components/data/mutation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/inputs';
import { reloadAt } from '@/components/navigation';

export function LoginForm({ next }: { next: string }) {
  const login = useMutation();
  // After a success the page is being replaced: stay busy until it is.
  const [leaving, setLeaving] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const r = await login.send('/api/auth/login', { body: { username: form.get('username'), password: form.get('password') } });
    if (!r.ok) return;
    setLeaving(true);
    reloadAt(next);
  }

  const busy = login.busy || leaving;
  return (
    <form onSubmit={submit} className="space-y-3">
      {login.problem ? <Alert>{login.problem.message}</Alert> : null}
      <TextField label="User name" name="username" autoComplete="username" required maxLength={64} autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" variant="primary" disabled={busy} className="w-full justify-center">
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
