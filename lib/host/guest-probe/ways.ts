import type { HostContext } from '@/lib/hosts';
import type { LibvirtClient } from '@/lib/libvirt';
import { attemptGuest, type GuestWay, type ProbeAttempt } from './attempt';

// Which way of running guests works on a host, tried in the order the wizard prefers them: KVM with the host's
// own CPU, KVM with libvirt's host model, then QEMU's emulation. The first that boots the test guest wins. The
// answer only changes when the host does (kernel, QEMU, firmware, a nested hypervisor's settings), and finding
// it costs a few seconds, so it is kept for hours per host; the readiness page's "Probe again" asks afresh.

export const KVM_WAYS: readonly GuestWay[] = [
  { type: 'kvm', cpuMode: 'host-passthrough' },
  { type: 'kvm', cpuMode: 'host-model' },
];
export const EMULATION: GuestWay = { type: 'qemu', cpuMode: null };

export const WAYS_TTL_MS = 6 * 60 * 60_000;

export interface GuestWays {
  /** The first way that worked; null when none did. */
  chosen: GuestWay | null;
  /** Every way tried, in order, up to the one that worked. */
  attempts: ProbeAttempt[];
  probedAt: string;
}

export type Attempter = (client: LibvirtClient, way: GuestWay) => Promise<ProbeAttempt>;

export interface WaysOptions {
  /** Try KVM (the KVM device and self-test are fine); otherwise emulation only. */
  kvm: boolean;
  fresh?: boolean;
  /** Injectable for tests. */
  attempt?: Attempter;
  now?: () => number;
  ttlMs?: number;
}

export async function findGuestWay(client: LibvirtClient, kvm: boolean, attempt: Attempter = attemptGuest): Promise<GuestWays> {
  const attempts: ProbeAttempt[] = [];
  for (const way of [...(kvm ? KVM_WAYS : []), EMULATION]) {
    const a = await attempt(client, way);
    attempts.push(a);
    if (a.ok) return { chosen: way, attempts, probedAt: new Date().toISOString() };
  }
  return { chosen: null, attempts, probedAt: new Date().toISOString() };
}

interface Slot {
  at: number;
  kvm: boolean;
  pending: Promise<GuestWays>;
}

/** The host's answer, at most `ttlMs` old; concurrent callers share one run. Rejects when libvirt cannot be asked. */
export function guestWays(host: HostContext, opts: WaysOptions): Promise<GuestWays> {
  const now = opts.now ?? Date.now;
  const cache = host.scoped('host.guest-ways', () => ({ slot: null as Slot | null }));
  const slot = cache.slot;
  if (slot && !opts.fresh && slot.kvm === opts.kvm && now() - slot.at < (opts.ttlMs ?? WAYS_TTL_MS)) return slot.pending;
  const pending = host.libvirt().then((client) => findGuestWay(client, opts.kvm, opts.attempt));
  const mine: Slot = { at: now(), kvm: opts.kvm, pending };
  cache.slot = mine;
  // A host that could not be asked (libvirtd down) is asked again next time.
  pending.catch(() => {
    if (cache.slot === mine) cache.slot = null;
  });
  return pending;
}
