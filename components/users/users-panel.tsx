'use client';

import { useState, type FormEvent } from 'react';
import { useUsers } from '@/components/data/hooks';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import { fieldError } from '@/components/data/problem';
import type { UserRow } from '@/components/data/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { SelectField, TextField } from '@/components/ui/inputs';

const columns: Column<UserRow>[] = [
  { id: 'username', header: 'User', cell: (u) => u.username },
  { id: 'role', header: 'Role', cell: (u) => u.role },
  { id: 'created', header: 'Created', className: 'text-slate-600', cell: (u) => new Date(u.createdAt).toLocaleDateString() },
];

export function UsersPanel({ initial }: { initial: UserRow[] }) {
  const { data } = useUsers(initial);
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
    <div className="grid gap-6 md:grid-cols-2">
      <div className="h-fit">
        <DataTable rows={data?.users} columns={columns} rowKey={(u) => u.id} testId="users-table" empty="No users." />
      </div>
      <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
        <h2 className="font-semibold">Add a user</h2>
        {create.problem ? <Alert>{create.problem.message}</Alert> : null}
        {done ? <Alert tone="info">{done}</Alert> : null}
        <TextField label="User name" name="username" required maxLength={32} error={fieldError(errors, 'username')} />
        <TextField label="Password" name="password" type="password" autoComplete="new-password" required error={fieldError(errors, 'password')} />
        <SelectField label="Role" name="role" defaultValue="viewer" error={fieldError(errors, 'role')}>
          <option value="viewer">viewer — read only</option>
          <option value="operator">operator — lifecycle and consoles</option>
          <option value="admin">admin — everything</option>
        </SelectField>
        <Button type="submit" variant="primary" disabled={create.busy}>
          Add user
        </Button>
      </form>
    </div>
  );
}
