import type { InputHTMLAttributes } from 'react';

export function Field({ label, error, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string }) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <input
        {...input}
        aria-invalid={error ? true : undefined}
        className={`block w-full rounded-md border px-3 py-2 shadow-sm outline-none focus:ring-2 focus:ring-sky-500 ${error ? 'border-red-500' : 'border-slate-300'}`}
      />
      {error ? <span className="mt-1 block text-xs text-red-700" role="alert">{error}</span> : null}
    </label>
  );
}
