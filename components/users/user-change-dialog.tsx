'use client';

import { useState } from 'react';
import { keys, userTouches } from '@/components/data/keys';
import { useMutation, type Send } from '@/components/data/mutation';
import { fieldError } from '@/components/data/problem';
import type { UserRow } from '@/components/data/types';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { mismatchOf, NewPasswordFields, type NewPassword } from '@/components/auth/new-password-fields';
import { SelectField } from '@/components/ui/inputs';
import { ROLE_CHOICES } from './roles';

// The changes an admin makes to an account, each asked in a dialog that names the user and says what the change
// does to their sessions. A refusal (the last enabled admin, a password too short) stays in the dialog with the
// server's words; nothing changed.

export type UserAction = 'role' | 'disable' | 'enable' | 'password' | 'delete';

interface Props {
  user: UserRow;
  action: UserAction;
  /** The account is the admin's own: say what it does to them. */
  self: boolean;
  onClose: () => void;
  /** After the change: what to tell the admin. */
  onDone: (message: string) => void;
}

/** What ending the user's sessions does, in words fit for how many are open. */
function ending(n: number): string {
  if (n === 0) return '';
  return `${n === 1 ? 'Their open session ends' : `Their ${n} open sessions end`} now, and their consoles and live pages close. `;
}

export function UserChangeDialog({ user, action, self, onClose, onDone }: Props) {
  const change = useMutation();
  const [role, setRole] = useState(user.role);
  const [password, setPassword] = useState<NewPassword>({ value: '', repeat: '' });
  const [mismatch, setMismatch] = useState<string | null>(null);
  const name = user.username;
  const errors = change.problem?.fields;

  async function send(request: Send & { url?: string }, message: string) {
    const r = await change.send(request.url ?? keys.user(user.id), { ...request, touches: userTouches(user.id) });
    if (r.ok) onDone(message);
  }

  function submit() {
    if (action === 'role') return void send({ method: 'PATCH', body: { role } }, `${name} is now ${role}.`);
    if (action === 'disable') return void send({ method: 'PATCH', body: { disabled: true } }, `Disabled ${name}; their sessions ended.`);
    if (action === 'enable') return void send({ method: 'PATCH', body: { disabled: false } }, `Enabled ${name}; they can sign in again.`);
    if (action === 'delete') return void send({ method: 'DELETE' }, `Deleted ${name}.`);
    const differ = mismatchOf(password);
    setMismatch(differ);
    if (differ) return;
    void send(
      { url: `${keys.user(user.id)}/password`, method: 'PUT', body: { password: password.value } },
      `Set a new password for ${name}; their sessions ended.`,
    );
  }

  const you = self ? 'This is your own account: you will be signed out too.' : '';
  const ask = {
    role: {
      title: `Change ${name}'s role`,
      label: 'Change role',
      body: `Their open consoles and live pages close and reopen with the rights of the new role.${self ? ' This is your own account.' : ''}`,
    },
    disable: { title: `Disable ${name}`, label: 'Disable account', body: `${name} can no longer sign in. ${ending(user.sessions)}${you}` },
    enable: { title: `Enable ${name}`, label: 'Enable account', body: `${name} can sign in again with their password.` },
    password: {
      title: `Reset ${name}'s password`,
      label: 'Set password',
      body: `${name} signs in again with the new password. ${ending(user.sessions)}${self ? `${you} To stay signed in, change it on your Account page.` : ''}`,
    },
    delete: {
      title: `Delete ${name}`,
      label: 'Delete user',
      body: `${name}'s account is removed. ${ending(user.sessions)}The audit log keeps their name. This cannot be undone. ${you}`,
    },
  }[action];

  return (
    <ChangeDialog
      open
      title={ask.title}
      submitLabel={ask.label}
      danger={action === 'delete' || action === 'disable'}
      wide={false}
      busy={change.busy}
      problem={change.problem}
      submitDisabled={action === 'role' && role === user.role}
      onClose={onClose}
      onSubmit={submit}
      testId="user-change-dialog"
    >
      <p>{ask.body}</p>
      {action === 'role' ? (
        <SelectField label="Role" value={role} onChange={setRole} error={fieldError(errors, 'role')}>
          {ROLE_CHOICES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </SelectField>
      ) : null}
      {action === 'password' ? <NewPasswordFields value={password} onChange={setPassword} error={fieldError(errors, 'password')} mismatch={mismatch} /> : null}
    </ChangeDialog>
  );
}
