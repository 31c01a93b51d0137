import type { CheckStatus, KvmReport, NestedInfo, ReadinessCheck } from '@/lib/kvm';
import type { HostContext } from '@/lib/hosts';
import { readinessHeadline } from './readiness-headline';
import { guestImpact } from './readiness-impact';
import { guestStartRow, type GuestStartRow } from './readiness-guest-start';
import { guestDecision, type GuestDecision, type GuestDomainType, type GuestDomainTypeOptions } from './virt-type';

export const SELF_TEST_NOTE =
  'The self-test runs a few bytes of real-mode code in a one-vCPU VM: it proves the KVM ioctl path works, not that a full guest OS boots.';

export type ReadinessRow =
  | (ReadinessCheck & {
      /** What this outcome means for guests. */
      impact: string;
    })
  | GuestStartRow;

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

export type ReadinessOptions = GuestDomainTypeOptions;

/**
 * Everything the readiness page and its JSON API show: the KVM checks, then a test guest started through libvirt
 * the way new VMs will be (GuestStartRow), and the domain type that follows. Never rejects: a failed probe is a
 * fail row.
 */
export async function hostReadiness(host: HostContext, opts: ReadinessOptions = {}): Promise<Readiness> {
  return readinessFrom(await guestDecision(host, opts));
}

export function readinessFrom(d: Pick<GuestDecision, 'outcome' | 'checks' | 'ways' | 'waysProblem' | 'domainType'>): Readiness {
  const rows: ReadinessRow[] = [...d.checks.map((c) => ({ ...c, impact: guestImpact(c) })), guestStartRow(d.ways, d.waysProblem)];
  const overall = worst(rows.map((c) => c.status));
  return {
    probedAt: d.outcome.probedAt.toISOString(),
    probeMs: d.outcome.report?.probeMs ?? null,
    overall,
    headline: readinessHeadline(overall, rows, d.domainType),
    checks: rows,
    facts: d.outcome.report ? factsOf(d.outcome.report) : null,
    selfTestNote: SELF_TEST_NOTE,
    domainType: d.domainType,
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
