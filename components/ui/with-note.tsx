import type { ReactNode } from 'react';

// A table cell's value with a short note: beside it ("vda (cdrom)", "alice (you)") or on a line below it, smaller
// (a user's IP address, why a backup failed). No note, nothing but the value.

const NOTE = {
  beside: 'ml-1 font-sans text-xs font-normal text-slate-500',
  below: 'block text-xs font-normal text-slate-500',
  error: 'block text-xs font-normal text-red-700',
} as const;

export function WithNote({ value, note, place = 'beside' }: { value: ReactNode; note: ReactNode; place?: keyof typeof NOTE }) {
  return (
    <>
      {value}
      {note ? <span className={NOTE[place]}>{note}</span> : null}
    </>
  );
}
