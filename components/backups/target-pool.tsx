'use client';

import { useState } from 'react';
import { usePools } from '@/components/data/hooks';
import { Options, SelectField } from '@/components/ui/inputs';

// The pool a backup is written to, or a restore's disks: the one chosen, else the host's first pool, so the form
// always names one once the pools have come.

export interface PoolChoice {
  names: string[];
  value: string;
  choose: (pool: string) => void;
}

export function usePoolChoice(initial = ''): PoolChoice {
  const { data } = usePools();
  const [chosen, choose] = useState(initial);
  const names = data?.pools.map((p) => p.name) ?? [];
  return { names, value: chosen || names[0] || '', choose };
}

export function PoolChoiceField({ label, choice, error, testId }: { label: string; choice: PoolChoice; error?: string; testId: string }) {
  return (
    <SelectField label={label} value={choice.value} onChange={choice.choose} error={error} testId={testId}>
      <Options values={choice.names} />
    </SelectField>
  );
}
