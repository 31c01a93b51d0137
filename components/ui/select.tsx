'use client';

import { useId, type ReactNode } from 'react';

// The label is tied to the select by id (not by nesting), so its accessible name is the label alone, not the
// label plus the chosen option's text.
export function Select({ label, value, onChange, error, children }: { label: string; value: string; onChange: (v: string) => void; error?: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="block text-sm">
      <label htmlFor={id} className="mb-1 block font-medium text-slate-700">{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined}
        className={`block w-full rounded-md border bg-white px-3 py-2 shadow-sm ${error ? 'border-red-500' : 'border-slate-300'}`}>{children}</select>
      {error ? <span className="mt-1 block text-xs text-red-700" role="alert">{error}</span> : null}
    </div>
  );
}
