'use client';

import { useEffect, useId, useState } from 'react';
import type { ChangeScope } from '@/lib/hardware/types';

// "Apply: live / next boot (persistent) / both" — on every edit form. Live is disabled, with the reason shown,
// when the VM is shut off or when libvirt cannot change the setting on a running guest.

export type ScopeChoice = 'live' | 'persistent' | 'both';

export const SHUT_OFF_REASON = 'The VM is shut off: live changes need a running guest.';

export function toScope(c: ScopeChoice): ChangeScope {
  return { live: c !== 'persistent', persistent: c !== 'live' };
}

export function scopeQuery(c: ScopeChoice): string {
  const s = toScope(c);
  return `?live=${s.live ? 1 : 0}&persistent=${s.persistent ? 1 : 0}`;
}

/** Why live is not offered, or null when it is. */
export function liveBlocked(running: boolean, persistentOnly?: string): string | null {
  if (persistentOnly) return persistentOnly;
  return running ? null : SHUT_OFF_REASON;
}

/** The scope state of one form; falls back to "next boot" whenever live stops being possible. */
export function useScope(running: boolean, persistentOnly?: string): [ScopeChoice, (c: ScopeChoice) => void, string | null] {
  const blocked = liveBlocked(running, persistentOnly);
  const [choice, setChoice] = useState<ScopeChoice>(blocked ? 'persistent' : 'both');
  useEffect(() => {
    setChoice(blocked ? 'persistent' : 'both');
  }, [blocked]);
  return [choice, setChoice, blocked];
}

const OPTIONS: { value: ScopeChoice; label: string }[] = [
  { value: 'live', label: 'Live' },
  { value: 'persistent', label: 'Next boot (persistent)' },
  { value: 'both', label: 'Both' },
];

export function ScopePicker({ value, onChange, blocked }: { value: ScopeChoice; onChange: (c: ScopeChoice) => void; blocked: string | null }) {
  const name = useId();
  const noteId = `${name}-note`;
  return (
    <fieldset className="text-sm" data-testid="scope-picker">
      <legend className="mb-1 font-medium text-slate-700">Apply</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {OPTIONS.map((o) => {
          const disabled = blocked !== null && o.value !== 'persistent';
          return (
            <label key={o.value} className={`inline-flex items-center gap-1.5 ${disabled ? 'text-slate-400' : ''}`}>
              <input type="radio" name={name} value={o.value} checked={value === o.value} disabled={disabled}
                aria-describedby={disabled ? noteId : undefined} onChange={() => onChange(o.value)} />
              {o.label}
            </label>
          );
        })}
      </div>
      {blocked ? <p id={noteId} className="mt-1 text-xs text-slate-500" data-testid="scope-note">{blocked}</p> : null}
    </fieldset>
  );
}
