import type { CheckStatus, ReadinessCheck } from '@/lib/kvm';
import type { GuestDomainType } from './virt-type';

// The sentence under the readiness page's title: what new guests get, and when the page warns or fails, which
// checks make it do so and what that means, so "WARN" never stands there unexplained.

type Row = Pick<ReadinessCheck, 'title' | 'status'> & { impact: string };

function lead(d: Pick<GuestDomainType, 'type' | 'forced'>): string {
  if (d.type === 'kvm') return 'New guests use KVM.';
  return d.forced ? 'New guests use software emulation, as VIREO_FORCE_EMULATION asks.' : 'New guests use software emulation, which is much slower.';
}

function about(rows: Row[]): string {
  return rows.map((r) => `“${r.title}”: ${r.impact}`).join(' Also ');
}

export function readinessHeadline(overall: CheckStatus, checks: Row[], domainType: Pick<GuestDomainType, 'type' | 'forced'>): string {
  if (overall === 'pass') return `Ready: every check passed. ${lead(domainType)}`;
  const failed = checks.filter((c) => c.status === 'fail');
  if (overall === 'fail') return `Not ready for KVM guests. ${lead(domainType)} It fails because of ${about(failed)}`;
  return `Ready, with a warning. ${lead(domainType)} It warns because of ${about(checks.filter((c) => c.status === 'warn'))}`;
}
