'use client';

import { TextField } from '@/components/ui/inputs';

// A new password typed twice, so a typo does not lock anyone out: the server's word on the password under the
// first field, a mismatch under the second (checked here, since the server only ever sees one of them).

export interface NewPassword {
  value: string;
  repeat: string;
}

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
  return (
    <>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        value={value.value}
        onChange={(v) => onChange({ ...value, value: v })}
        error={error}
      />
      <TextField
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        value={value.repeat}
        onChange={(v) => onChange({ ...value, repeat: v })}
        error={mismatch ?? undefined}
      />
    </>
  );
}
