'use client';

import { TextField } from '@/components/ui/inputs';

// A new password typed twice, so a typo does not lock anyone out: the server's word on the password under the
// first field, a mismatch under the second (checked here, since the server only ever sees one of them).

export interface NewPassword {
  value: string;
  repeat: string;
}

/** The new password, typed twice. */
const TWICE = [
  { key: 'value', label: 'New password' },
  { key: 'repeat', label: 'Repeat the new password' },
] as const;

/** Why the two entries cannot be sent, or null. */
export function mismatchOf(p: NewPassword): string | null {
  return p.value === p.repeat ? null : 'The two new passwords differ.';
}

export function NewPasswordFields({
  value,
  onChange,
  error,
  mismatch,
}: {
  value: NewPassword;
  onChange: (next: NewPassword) => void;
  /** The server's message for the new password. */
  error?: string;
  mismatch: string | null;
}) {
  const messages = { value: error, repeat: mismatch ?? undefined };
  return (
    <>
      {TWICE.map(({ key, label }) => (
        <TextField
          key={key}
          label={label}
          type="password"
          autoComplete="new-password"
          value={value[key]}
          onChange={(v) => onChange({ ...value, [key]: v })}
          error={messages[key]}
        />
      ))}
    </>
  );
}
