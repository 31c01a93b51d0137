'use client';

import { useState, type FormEvent } from 'react';
import { useMutation } from '@/components/data/mutation';
import { fieldError } from '@/components/data/problem';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/inputs';
import { mismatchOf, NewPasswordFields, type NewPassword } from '@/components/auth/new-password-fields';

// Changing one's own password: the current one proves it is really them at this browser. This session stays
// signed in; every other one ends, so a password someone else learned stops working everywhere at once.

const FIELDS = ['currentPassword', 'newPassword'];

export function PasswordForm() {
  const change = useMutation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassword>({ value: '', repeat: '' });
  const [mismatch, setMismatch] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const problem = change.problem;
  // A refusal about one field is said beside it; anything else above the form.
  const beside = problem ? Object.keys(problem.fields).some((k) => FIELDS.includes(k)) : false;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(false);
    const differ = mismatchOf(next);
    setMismatch(differ);
    if (differ) {
      change.reset();
      return;
    }
    const r = await change.send('/api/account/password', { method: 'PUT', body: { currentPassword: current, newPassword: next.value } });
    if (!r.ok) return;
    setDone(true);
    setCurrent('');
    setNext({ value: '', repeat: '' });
  }

  return (
    <form onSubmit={submit} noValidate className="max-w-md space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="password-form">
      <h2 className="font-semibold">Change your password</h2>
      {problem && !beside ? <Alert>{problem.message}</Alert> : null}
      {done ? (
        <Alert tone="info" testId="password-changed">
          Your password is changed. Your other sessions were signed out; this one stays signed in.
        </Alert>
      ) : null}
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        error={fieldError(problem?.fields, 'currentPassword')}
      />
      <NewPasswordFields value={next} onChange={setNext} error={fieldError(problem?.fields, 'newPassword')} mismatch={mismatch} />
      <Button type="submit" variant="primary" disabled={change.busy}>
        {change.busy ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
