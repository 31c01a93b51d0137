// Whether a silence matches an alert: every matcher it sets (rule, VM by name or UUID, host) must match, and it
// must not have ended. A silence with no matcher matches nothing (the API refuses to make one).

export interface SilenceMatcher {
  ruleId: string | null;
  vm: string | null;
  hostId: string | null;
  endsAt: Date | string;
}

export interface SilencedSubject {
  ruleId: string;
  hostId: string;
  /** The VM's name and UUID (either matches a silence's VM); none for a host alert. */
  vmName: string | null;
  vmUuid: string | null;
}

export function silences(s: Omit<SilenceMatcher, 'endsAt'>, a: SilencedSubject): boolean {
  if (s.ruleId && s.ruleId !== a.ruleId) return false;
  if (s.hostId && s.hostId !== a.hostId) return false;
  if (s.vm && s.vm !== a.vmName && s.vm !== a.vmUuid) return false;
  return Boolean(s.ruleId || s.hostId || s.vm);
}

export function silencedBy(list: readonly SilenceMatcher[], a: SilencedSubject, now: number): boolean {
  return list.some((s) => new Date(s.endsAt).getTime() > now && silences(s, a));
}
