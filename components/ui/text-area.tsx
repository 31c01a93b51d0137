import type { TextareaHTMLAttributes } from 'react';

export function TextArea({ label, error, hint, ...area }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string; hint?: string }) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <textarea
        {...area}
        aria-invalid={error ? true : undefined}
        className={`block w-full rounded-md border px-3 py-2 font-mono text-xs shadow-sm outline-none focus:ring-2 focus:ring-sky-500 ${error ? 'border-red-500' : 'border-slate-300'}`}
      />
      {hint ? <span className="mt-1 block text-xs text-slate-500">{hint}</span> : null}
      {error ? <span className="mt-1 block whitespace-pre-wrap text-xs text-red-700" role="alert">{error}</span> : null}
    </label>
  );
}
