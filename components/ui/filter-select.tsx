'use client';

import type { ReactNode } from 'react';
import { Options } from './inputs';

/**
 * A list's filter beside its search box: a compact select named for assistive tech by `label` (it has no visible
 * label), whose first choice, '' worded by `all`, keeps every row.
 */
export function FilterSelect<V extends string>({
  label,
  all,
  value,
  onChange,
  values,
  wording,
  testId,
}: {
  label: string;
  all: string;
  value: V | '';
  onChange: (value: V | '') => void;
  values: readonly V[];
  /** How each value is shown (the value itself by default). */
  wording?: (value: V) => ReactNode;
  testId?: string;
}) {
  return (
    <select
      aria-label={label}
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.target.value as V | '')}
      className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
    >
      <option value="">{all}</option>
      <Options values={values} label={wording} />
    </select>
  );
}
