import type { KvmReport, ReadinessCheck } from '@/lib/kvm';
import type { GuestCpuMode } from '@/lib/domain-xml/cpu';
import { loadSettings } from '@/lib/config/settings';
import type { HostContext } from '@/lib/hosts';
import { sameEnds, waysWords, type ProbeAttempt } from './guest-probe/attempt';
import { guestWays, type Attempter, type GuestWays } from './guest-probe/ways';
import { checksFor, kvmModule } from './readiness-kvm';
import { cachedProbe, type CachedProbeOptions, type ProbeOutcome } from './readiness-probe';

export interface GuestDomainType {
  type: 'kvm' | 'qemu';
  /** The CPU a KVM guest gets (the first mode whose test guest ran); null under emulation. */
  cpuMode: GuestCpuMode | null;
  /** Why, in plain words; the wizard shows it on the OS step and the review. */
  reason: string;
  /** VIREO_FORCE_EMULATION chose qemu, whatever the probes said. */
  forced: boolean;
}

export interface GuestDomainTypeOptions extends CachedProbeOptions {
  /** Overrides the VIREO_FORCE_EMULATION setting (tests). */
  forceEmulation?: boolean;
  /** The test-guest runner (tests); the real one otherwise. */
  attempt?: Attempter;
}

/** What the KVM device and the addon's self-test say, before any guest is tried. */
export interface AddonVerdict {
  kvm: boolean;
  reason: string;
}

/** Everything the decision rests on: readiness shows all of it, the wizard only the outcome. */
export interface GuestDecision {
  outcome: ProbeOutcome;
  checks: ReadinessCheck[];
  /** What the test guests showed; null when none was tried (emulation forced) or libvirt could not be asked. */
  ways: GuestWays | null;
  /** Why no test guest was tried, when libvirt could not be asked. */
  waysProblem: string | null;
  domainType: GuestDomainType;
}

const ms = (n: number) => (n < 1000 ? `${n} ms` : `${(n / 1000).toFixed(1)} s`);
const MODE_WORDS: Record<GuestCpuMode, string> = { 'host-passthrough': "the host's own CPU (host-passthrough)", 'host-model': 'host-model' };

async function addonVerdict(checks: readonly ReadinessCheck[], report: KvmReport | null): Promise<AddonVerdict> {
  const decision = await kvmModule().then(
    (kvm) => kvm.chooseDomainType(checks),
    () => ({ type: 'qemu' as const, warning: `KVM is not usable (${checks[0]?.detail}); guests will use software emulation and run much slower.` }),
  );
  if (decision.type === 'qemu') return { kvm: false, reason: decision.warning ?? 'KVM is not usable; guests use software emulation.' };
  const t = report?.selfTest?.durationMs;
  return { kvm: true, reason: `The KVM self-test passed${t === undefined ? '' : ` in ${t.toFixed(1)} ms`}` };
}

function failures(attempts: readonly ProbeAttempt[]): string {
  return sameEnds(attempts.filter((a) => !a.ok))
    .map((g) => `${g.attempts[0]!.type === 'kvm' ? `under ${waysWords(g.attempts)}` : 'under emulation'}: ${g.detail}`)
    .join('; ');
}

/** The decision from the addon's verdict and the test guests (pure). */
export function decideDomainType(p: {
  forced: boolean;
  selfTestPassed: boolean;
  addon: AddonVerdict;
  ways: GuestWays | null;
  waysProblem: string | null;
}): GuestDomainType {
  if (p.forced) {
    return {
      type: 'qemu',
      cpuMode: null,
      reason:
        `Software emulation is forced by the setting VIREO_FORCE_EMULATION${p.selfTestPassed ? ' although the KVM self-test passes' : ''}; guests ` +
        `run much slower than with KVM.`,
      forced: true,
    };
  }
  const emulated = (reason: string): GuestDomainType => ({ type: 'qemu', cpuMode: null, reason, forced: false });
  if (!p.addon.kvm) return emulated(p.addon.reason);
  if (!p.ways) {
    return {
      type: 'kvm',
      cpuMode: 'host-passthrough',
      reason: `${p.addon.reason}: guests use hardware virtualization (whether a guest starts could not be tried: ${p.waysProblem ?? 'unknown'}).`,
      forced: false,
    };
  }
  const chosen = p.ways.chosen;
  const won = p.ways.attempts.find((a) => a.ok);
  if (chosen?.type === 'kvm' && chosen.cpuMode && won) {
    const before = failures(p.ways.attempts);
    return {
      type: 'kvm',
      cpuMode: chosen.cpuMode,
      reason: before
        ? `${p.addon.reason}, but a test guest did not run ${before}. With ${MODE_WORDS[chosen.cpuMode]} it ran in ${ms(won.ms)}, so guests use KVM with ` +
          `that CPU mode.`
        : `${p.addon.reason} and a test guest ran under KVM with ${MODE_WORDS[chosen.cpuMode]} in ${ms(won.ms)}: guests use hardware virtualization.`,
      forced: false,
    };
  }
  if (chosen) {
    return emulated(
      `KVM guests do not run on this host although the KVM self-test passes: a test guest failed ${failures(p.ways.attempts)}. ` +
        'New guests use software emulation (TCG), which works but is much slower.',
    );
  }
  return emulated(`Not even an emulated test guest ran on this host (${failures(p.ways.attempts)}); new guests will probably not start either.`);
}

/** The checks, the test guests and the decision, for the readiness page (which shows how it was reached). */
export async function guestDecision(host: HostContext, opts: GuestDomainTypeOptions = {}, always = true): Promise<GuestDecision> {
  const forced = opts.forceEmulation ?? loadSettings().forceEmulation;
  const outcome = await cachedProbe(opts);
  const checks = await checksFor(outcome);
  const selfTestPassed = checks.find((c) => c.id === 'self-test')?.status === 'pass';
  // The addon probes this machine's /dev/kvm: for a remote host only its test guests can tell.
  const addon = host.local ? await addonVerdict(checks, outcome.report) : { kvm: true, reason: 'The host is remote, so its test guests decide' };
  let ways: GuestWays | null = null;
  let waysProblem: string | null = null;
  if (always || (!forced && addon.kvm)) {
    try {
      ways = await guestWays(host, { kvm: addon.kvm, fresh: opts.fresh, attempt: opts.attempt });
    } catch (err) {
      waysProblem = `libvirt could not be asked (${(err as Error).message})`;
    }
  }
  return { outcome, checks, ways, waysProblem, domainType: decideDomainType({ forced, selfTestPassed, addon, ways, waysProblem }) };
}

/**
 * The domain type and CPU mode new guests get: KVM with the first CPU mode whose test guest runs (host-passthrough,
 * then host-model), else QEMU's emulation (TCG) — also when the setting forces it (then no test guest is run).
 */
export async function guestDomainType(host: HostContext, opts: GuestDomainTypeOptions = {}): Promise<GuestDomainType> {
  return (await guestDecision(host, opts, false)).domainType;
}
