'use client';

import type { ChangeScope } from '@/lib/hardware/types';
import { RadioGroup } from '@/components/ui/inputs';
import { useDraft } from '@/components/ui/use-draft';

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

/** One form's scope: the choice, how to change it, and why live is not offered (null when it is). */
export interface ScopeState {
  value: ScopeChoice;
  onChange: (c: ScopeChoice) => void;
  blocked: string | null;
}

/** The scope state of one form; falls back to "next boot" whenever live stops being possible. */
export function useScope(running: boolean, persistentOnly?: string): ScopeState {
  const blocked = liveBlocked(running, persistentOnly);
  const [value, onChange] = useDraft<string | null, ScopeChoice>(blocked, (b) => (b ? 'persistent' : 'both'));
  return { value, onChange, blocked };
}

const OPTIONS: { value: ScopeChoice; label: string }[] = [
  { value: 'live', label: 'Live' },
  { value: 'persistent', label: 'Next boot (persistent)' },
  { value: 'both', label: 'Both' },
];

export function ScopePicker({ value, onChange, blocked }: ScopeState) {
  const options = OPTIONS.map((o) => ({ ...o, disabled: blocked !== null && o.value !== 'persistent' }));
  return <RadioGroup legend="Apply" value={value} onChange={onChange} options={options} note={blocked} noteTestId="scope-note" testId="scope-picker" />;
}
