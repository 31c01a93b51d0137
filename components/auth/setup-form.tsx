'use client';

import { useState, type FormEvent } from 'react';
import { api, ApiError } from '@/components/api-client';
import { Field } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';

export function SetupForm() {
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    if (form.get('password') !== form.get('confirm')) {
      setFields({ confirm: 'The two passwords differ.' });
      return;
    }
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await api('/api/setup', {
        body: { setupCode: form.get('setupCode'), username: form.get('username'), password: form.get('password') },
      });
      window.location.assign('/');
    } catch (err) {
      setError((err as Error).message);
      if (err instanceof ApiError) setFields(err.fields);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Setup code" name="setupCode" autoComplete="off" required placeholder="XXXX-XXXX-XXXX" error={fields.setupCode} />
      <Field label="Admin user name" name="username" autoComplete="username" required maxLength={32} error={fields.username} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required error={fields.password} />
      <Field label="Repeat password" name="confirm" type="password" autoComplete="new-password" required error={fields.confirm} />
      <Button type="submit" variant="primary" disabled={busy} className="w-full justify-center">
        {busy ? 'Creating…' : 'Create admin account'}
      </Button>
    </form>
  );
}
