'use client';

import { useId, type ReactNode } from 'react';

// Compact labelled controls for the hardware forms. The label holds only the field's name, hints and errors are
// tied to the control with aria-describedby, so the accessible name stays exactly the label.

const box = (error?: string) => `block w-full rounded-md border bg-white px-2 py-1 shadow-sm disabled:bg-slate-50 ${error ? 'border-red-500' : 'border-slate-300'}`;

function useDescribed(hint: ReactNode, error: string | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return {
    id,
    describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined,
    after: (
      <>
        {hint ? <span id={hintId} className="mt-0.5 block text-xs text-slate-500">{hint}</span> : null}
        {error ? <span id={errorId} className="mt-1 block text-xs text-red-700" role="alert">{error}</span> : null}
      </>
    ),
  };
}

const labelClass = 'mb-1 block font-medium text-slate-700';

export function NumberInput({ label, value, onChange, error, min, max, step, disabled, hint, testId }: {
  label: string; value: string; onChange: (v: string) => void; error?: string; min?: number; max?: number; step?: number; disabled?: boolean; hint?: ReactNode; testId?: string;
}) {
  const d = useDescribed(hint, error);
  return (
    <div className="text-sm">
      <label htmlFor={d.id} className={labelClass}>{label}</label>
      <input id={d.id} type="number" inputMode="numeric" value={value} min={min} max={max} step={step ?? 1} disabled={disabled} data-testid={testId}
        onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} className={box(error)} />
      {d.after}
    </div>
  );
}

export function TextInput({ label, value, onChange, error, placeholder, disabled, hint }: {
  label: string; value: string; onChange: (v: string) => void; error?: string; placeholder?: string; disabled?: boolean; hint?: ReactNode;
}) {
  const d = useDescribed(hint, error);
  return (
    <div className="text-sm">
      <label htmlFor={d.id} className={labelClass}>{label}</label>
      <input id={d.id} type="text" value={value} placeholder={placeholder} disabled={disabled} onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} className={box(error)} />
      {d.after}
    </div>
  );
}

export function TextBox({ label, value, onChange, error, disabled, hint, rows = 3 }: {
  label: string; value: string; onChange: (v: string) => void; error?: string; disabled?: boolean; hint?: ReactNode; rows?: number;
}) {
  const d = useDescribed(hint, error);
  return (
    <div className="text-sm">
      <label htmlFor={d.id} className={labelClass}>{label}</label>
      <textarea id={d.id} value={value} rows={rows} disabled={disabled} onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} className={box(error)} />
      {d.after}
    </div>
  );
}

export function Choice({ label, value, onChange, error, disabled, hint, children }: {
  label: string; value: string; onChange: (v: string) => void; error?: string; disabled?: boolean; hint?: ReactNode; children: ReactNode;
}) {
  const d = useDescribed(hint, error);
  return (
    <div className="text-sm">
      <label htmlFor={d.id} className={labelClass}>{label}</label>
      <select id={d.id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined}
        aria-describedby={d.describedBy} className={box(error)}>{children}</select>
      {d.after}
    </div>
  );
}

export function Check({ label, checked, onChange, disabled, error }: { label: string; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean; error?: string }) {
  const d = useDescribed(null, error);
  return (
    <div className="text-sm">
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} />
        <span>{label}</span>
      </label>
      {d.after}
    </div>
  );
}

/** Parses a whole number from an input; NaN when empty or not a whole number. */
export function whole(v: string): number {
  return /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
}
