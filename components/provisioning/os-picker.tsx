'use client';

import { useEffect, useState } from 'react';
import { useOsVariants } from '@/components/data/hooks';
import type { OsVariant } from '@/components/data/types';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/inputs';

// Which OS the guest runs, searched in the osinfo database (typing "debian 11", "win11", "rocky"): current
// releases first. Picking one applies its defaults (the wizard's osDefaults); "None" keeps the form as it is.

const SEARCH_DELAY_MS = 250;

function label(v: OsVariant): string {
  return `${v.name}${v.eol ? ' (end of life)' : ''}`;
}

export function OsPicker({
  value,
  onPick,
  error,
  unavailable,
}: {
  value: OsVariant | null;
  onPick: (v: OsVariant | null) => void;
  error?: string;
  unavailable: string | null;
}) {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQuery(typed), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [typed]);
  const searching = typed.trim() !== '';
  const { data, error: readError, isLoading } = useOsVariants(query, searching && !unavailable);
  const found = searching ? (data?.variants ?? []) : [];

  if (unavailable) return <p className="text-sm text-amber-800">{unavailable}</p>;
  return (
    <div className="space-y-2" data-testid="os-picker">
      <p className="text-sm" data-testid="os-selected" data-os={value?.id ?? ''}>
        <span className="font-medium">Operating system:</span>{' '}
        {value ? (
          <>
            {label(value)} <code className="text-xs text-slate-600">{value.shortId}</code>{' '}
            <Button className="ml-1 px-2 py-0.5 text-xs" onClick={() => onPick(null)}>
              None
            </Button>
          </>
        ) : (
          <span className="text-slate-600">not given (no OS-specific defaults)</span>
        )}
      </p>
      <TextField
        label="Search operating systems"
        value={typed}
        onChange={setTyped}
        placeholder="debian 12, ubuntu 22.04, win11, rocky…"
        error={error}
        hint="From the osinfo database, which virt-manager and cockpit use too."
      />
      {searching ? (
        <ul role="listbox" aria-label="Operating systems" className="max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
          {found.map((v) => (
            <li key={v.id} role="option" aria-selected={value?.id === v.id} className="text-sm">
              <button
                type="button"
                className={`w-full px-3 py-1.5 text-left hover:bg-sky-50 ${value?.id === v.id ? 'bg-sky-100' : ''}`}
                onClick={() => {
                  onPick(v);
                  setTyped('');
                }}
              >
                {label(v)} <span className="text-xs text-slate-500">{v.shortId}</span>
              </button>
            </li>
          ))}
          {!found.length ? (
            <li className="px-3 py-1.5 text-sm text-slate-500">{readError ? readError.message : isLoading || typed !== query ? 'Searching…' : 'No match.'}</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
