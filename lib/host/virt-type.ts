import type { KvmReport, ReadinessCheck } from '@/lib/kvm';
import { loadSettings } from '@/lib/config/settings';
import { checksFor, kvmModule } from './readiness-kvm';
import { cachedProbe, type CachedProbeOptions } from './readiness-probe';

export interface GuestDomainType {
  type: 'kvm' | 'qemu';
  /** Why, in plain words; the wizard shows it as a warning when type is qemu. */
  reason: string;
  /** VIREO_FORCE_EMULATION chose qemu, whatever the probe said. */
  forced: boolean;
}

export interface GuestDomainTypeOptions extends CachedProbeOptions {
  /** Overrides the VIREO_FORCE_EMULATION setting (tests). */
  forceEmulation?: boolean;
}

/**
 * The domain type new guests get: kvm when the KVM self-test passes, qemu (TCG emulation) when it does not or
 * when the setting forces emulation — for hosts where the ioctls work but full guests hang under nested KVM.
 */
export async function guestDomainType(opts: GuestDomainTypeOptions = {}): Promise<GuestDomainType> {
  const forced = opts.forceEmulation ?? loadSettings().forceEmulation;
  const outcome = await cachedProbe(opts);
  return domainTypeFor(await checksFor(outcome), outcome.report, forced);
}

/** The decision from checks already evaluated (the readiness page shows the same one it lists checks for). */
export async function domainTypeFor(checks: readonly ReadinessCheck[], report: KvmReport | null, forced: boolean): Promise<GuestDomainType> {
  const selfTestPassed = checks.find((c) => c.id === 'self-test')?.status === 'pass';
  if (forced) {
    return {
      type: 'qemu',
      reason: `Software emulation is forced by the setting VIREO_FORCE_EMULATION${selfTestPassed ? ' although the KVM self-test passes' : ''}; guests run much slower than with KVM.`,
      forced: true,
    };
  }
  const decision = await kvmModule().then(
    (kvm) => kvm.chooseDomainType(checks),
    () => ({ type: 'qemu' as const, warning: `KVM is not usable (${checks[0]?.detail}); guests will use software emulation and run much slower.` }),
  );
  if (decision.type === 'kvm') {
    const ms = report?.selfTest?.durationMs;
    return {
      type: 'kvm',
      reason: `The KVM self-test passed${ms === undefined ? '' : ` in ${ms.toFixed(1)} ms`}: guests use hardware virtualization.`,
      forced: false,
    };
  }
  return { type: 'qemu', reason: decision.warning ?? 'KVM is not usable; guests use software emulation.', forced: false };
}
