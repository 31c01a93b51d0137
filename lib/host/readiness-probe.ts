import type { KvmReport } from '@/lib/kvm';
import { kvmModule } from './readiness-kvm';
import { processSingleton } from '@/lib/process/singleton';

// The probe opens /dev/kvm and runs a tiny VM: cheap, but not free, and the answer only changes when an admin
// loads a module or changes a group. So one answer is shared for a while by the readiness page, its JSON API
// and the wizard's domain-type choice.

export const PROBE_TTL_MS = 60_000;

export interface ProbeOutcome {
  /** Exactly one of report / error is set: a failed probe is an answer too (missing device, addon not built). */
  report: KvmReport | null;
  error: unknown;
  probedAt: Date;
}

export type Prober = () => Promise<KvmReport>;

interface Slot {
  at: number;
  pending: Promise<ProbeOutcome>;
}

// One cache per process: Next bundles route handlers and pages separately, and they should share it.
const cache = () => processSingleton('host.kvm-probe', () => ({ slot: null as Slot | null }));

export interface CachedProbeOptions {
  /** Ignore a cached answer (the admin asked to check again). */
  fresh?: boolean;
  ttlMs?: number;
  /** Injectable for tests; the real probe otherwise. */
  prober?: Prober;
  now?: () => number;
}

/** The KVM probe's outcome, at most `ttlMs` old; concurrent callers share one run. Never rejects. */
export function cachedProbe(opts: CachedProbeOptions = {}): Promise<ProbeOutcome> {
  const now = opts.now ?? Date.now;
  const ttl = opts.ttlMs ?? PROBE_TTL_MS;
  const { slot } = cache();
  if (slot && !opts.fresh && now() - slot.at < ttl) return slot.pending;
  const prober = opts.prober ?? (async () => (await kvmModule()).probeKvm());
  const pending = runProbe(prober);
  cache().slot = { at: now(), pending };
  return pending;
}

async function runProbe(prober: Prober): Promise<ProbeOutcome> {
  try {
    return { report: await prober(), error: null, probedAt: new Date() };
  } catch (error) {
    return { report: null, error, probedAt: new Date() };
  }
}

/** Forgets the cached answer (tests). */
export function clearProbeCache(): void {
  cache().slot = null;
}
