'use client';

import { useState, type FormEvent } from 'react';
import { api } from '@/components/api-client';
import { Field } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';

export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await api('/api/auth/login', { body: { username: form.get('username'), password: form.get('password') } });
      window.location.assign(next);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <Field label="User name" name="username" autoComplete="username" required maxLength={64} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" variant="primary" disabled={busy} className="w-full justify-center">
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
