'use client';

import { useState, type FormEvent } from 'react';
import { api, ApiError } from '@/components/api-client';
import { Field } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';

interface UserRow { id: string; username: string; role: string; createdAt: string }

export function UsersPanel({ initial }: { initial: UserRow[] }) {
  const [users, setUsers] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    setError(null);
    setFields({});
    setDone(null);
    try {
      await api('/api/users', { body: { username: form.get('username'), password: form.get('password'), role: form.get('role') } });
      const { users: fresh } = await api<{ users: UserRow[] }>('/api/users');
      setUsers(fresh);
      setDone(`Created ${String(form.get('username'))}.`);
      formEl.reset();
    } catch (err) {
      setError((err as Error).message);
      if (err instanceof ApiError) setFields(err.fields);
    }
  }

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <table className="h-fit w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="users-table">
        <thead className="bg-slate-100 text-left text-xs uppercase text-slate-600">
          <tr><th className="px-3 py-2">User</th><th className="px-3 py-2">Role</th><th className="px-3 py-2">Created</th></tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-slate-100">
              <td className="px-3 py-1.5">{u.username}</td>
              <td className="px-3 py-1.5">{u.role}</td>
              <td className="px-3 py-1.5 text-slate-600">{new Date(u.createdAt).toLocaleDateString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
        <h2 className="font-semibold">Add a user</h2>
        {error ? <Alert>{error}</Alert> : null}
        {done ? <Alert tone="info">{done}</Alert> : null}
        <Field label="User name" name="username" required maxLength={32} error={fields.username} />
        <Field label="Password" name="password" type="password" autoComplete="new-password" required error={fields.password} />
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">Role</span>
          <select name="role" defaultValue="viewer" className="w-full rounded-md border border-slate-300 px-2 py-2">
            <option value="viewer">viewer — read only</option>
            <option value="operator">operator — lifecycle and consoles</option>
            <option value="admin">admin — everything</option>
          </select>
        </label>
        <Button type="submit" variant="primary">Add user</Button>
      </form>
    </div>
  );
}
