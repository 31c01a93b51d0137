import type { CheckStatus, KvmReport, NestedInfo, ReadinessCheck } from '@/lib/kvm';
import { loadSettings } from '@/lib/config/settings';
import { readinessHeadline } from './readiness-headline';
import { guestImpact } from './readiness-impact';
import { checksFor } from './readiness-kvm';
import { cachedProbe, type CachedProbeOptions, type ProbeOutcome } from './readiness-probe';
import { domainTypeFor, type GuestDomainType } from './virt-type';

export const SELF_TEST_NOTE =
  'The self-test runs a few bytes of real-mode code in a one-vCPU VM: it proves the KVM ioctl path works, not that a full guest OS boots.';

export interface ReadinessRow extends ReadinessCheck {
  /** What this outcome means for guests. */
  impact: string;
}

export interface ReadinessFacts {
  devicePath: string;
  apiVersion: number;
  maxVcpus: number;
  recommendedVcpus: number;
  memorySlots: number;
  /** CPU features KVM offers guests, /proc/cpuinfo names, sorted. */
  cpuFeatures: string[];
  nested: NestedInfo;
  selfTest: { ok: boolean; durationMs: number; exitReason: string | null; secondExitReason: string | null; problem: string | null; timedOut: boolean } | null;
  capabilities: { name: string; value: number; description: string }[];
}

export interface Readiness {
  /** ISO time of the probe this answer comes from (answers are cached for a minute). */
  probedAt: string;
  probeMs: number | null;
  overall: CheckStatus;
  /** One or two sentences: what guests get and, when it warns or fails, because of which checks. */
  headline: string;
  checks: ReadinessRow[];
  /** null when the probe could not run; the checks then hold one fail row saying why. */
  facts: ReadinessFacts | null;
  selfTestNote: string;
  domainType: GuestDomainType;
}

export interface ReadinessOptions extends CachedProbeOptions {
  forceEmulation?: boolean;
}

/** Everything the readiness page and its JSON API show. Never rejects: a failed probe is a fail row. */
export async function hostReadiness(opts: ReadinessOptions = {}): Promise<Readiness> {
  const forced = opts.forceEmulation ?? loadSettings().forceEmulation;
  return readinessFrom(await cachedProbe(opts), forced);
}

export async function readinessFrom(outcome: ProbeOutcome, forced: boolean): Promise<Readiness> {
  const checks = await checksFor(outcome);
  const rows = checks.map((c) => ({ ...c, impact: guestImpact(c) }));
  const overall = worst(checks.map((c) => c.status));
  const domainType = await domainTypeFor(checks, outcome.report, forced);
  return {
    probedAt: outcome.probedAt.toISOString(),
    probeMs: outcome.report?.probeMs ?? null,
    overall,
    headline: readinessHeadline(overall, rows, domainType),
    checks: rows,
    facts: outcome.report ? factsOf(outcome.report) : null,
    selfTestNote: SELF_TEST_NOTE,
    domainType,
  };
}

function worst(statuses: CheckStatus[]): CheckStatus {
  return statuses.includes('fail') ? 'fail' : statuses.includes('warn') ? 'warn' : 'pass';
}

function factsOf(r: KvmReport): ReadinessFacts {
  const cap = (name: string) => r.capabilities.find((c) => c.name === name)?.value ?? 0;
  const recommendedVcpus = cap('NR_VCPUS');
  const t = r.selfTest;
  return {
    devicePath: r.devicePath,
    apiVersion: r.apiVersion,
    maxVcpus: cap('MAX_VCPUS') || recommendedVcpus, // MAX_VCPUS 0 means "same as NR_VCPUS"
    recommendedVcpus,
    memorySlots: cap('NR_MEMSLOTS'),
    cpuFeatures: [...new Set(r.cpuFeatures.map((f) => f.name))].sort(),
    nested: r.nested,
    selfTest: t && {
      ok: t.ok,
      durationMs: t.durationMs,
      exitReason: t.exitReason,
      secondExitReason: t.secondExitReason,
      problem: t.problem,
      timedOut: t.timedOut,
    },
    capabilities: r.capabilities.map(({ name, value, description }) => ({ name, value, description })),
  };
}
