import type { CheckStatus } from '@/lib/kvm';
import { sameEnds, waysWords, type ProbeAttempt } from './guest-probe/attempt';
import type { GuestWays } from './guest-probe/ways';

// The readiness row for the test guests: the self-test proves the KVM ioctls, this proves libvirt can start a
// guest the way the wizard will make it, and that the guest's first code runs.

export interface GuestStartRow {
  id: 'guest-start';
  title: string;
  status: CheckStatus;
  detail: string;
  fix: string | null;
  impact: string;
  /** Each way tried, for the page's list. */
  attempts: ProbeAttempt[];
}

const TITLE = 'Test guest';

/** One sentence per way tried (ways that failed alike share one), and how long the answer is kept. */
function describeAttempts(attempts: readonly ProbeAttempt[]): string {
  const lines = sameEnds(attempts).map((g) => {
    const a = g.attempts[0]!;
    return `${waysWords(g.attempts)}: ${g.ok && a.outcome === 'booted' ? `ran (${a.ms} ms)` : g.detail}.`;
  });
  return `${lines.join(' ')} (Kept for six hours; “Probe again” starts the test guests afresh.)`;
}

const NESTED_FIX =
  'On a nested host (Vireo inside a VM), the outer hypervisor must give this VM full VMX/SVM, including ' +
  '"unrestricted guest"; or run Vireo on bare metal. Meanwhile nothing is needed: new guests use emulation, which works but is slower.';

export function guestStartRow(ways: GuestWays | null, problem: string | null): GuestStartRow {
  if (!ways) {
    return {
      id: 'guest-start',
      title: TITLE,
      status: 'warn',
      detail: `No test guest was started: ${problem ?? 'unknown reason'}.`,
      fix: 'Check that libvirtd runs and Vireo can reach it (the banner at the top says why not).',
      impact: 'Whether new guests start is unknown until libvirt can be asked.',
      attempts: [],
    };
  }
  const details = describeAttempts(ways.attempts);
  const chosen = ways.chosen;
  const tried = ways.attempts[0];
  if (chosen?.type === 'kvm' && chosen.cpuMode === tried?.cpuMode) {
    return {
      id: 'guest-start',
      title: TITLE,
      status: 'pass',
      detail: details,
      fix: null,
      impact: `libvirt starts a KVM guest with ${chosen.cpuMode} and its boot code runs: new VMs get that CPU mode.`,
      attempts: ways.attempts,
    };
  }
  if (chosen?.type === 'kvm') {
    return {
      id: 'guest-start',
      title: TITLE,
      status: 'warn',
      detail: details,
      fix: 'Nothing is needed: new VMs get the CPU mode that works. Guests with host-passthrough will not start on this host.',
      impact: `KVM guests run with ${chosen.cpuMode} only; new VMs get it.`,
      attempts: ways.attempts,
    };
  }
  if (chosen) {
    const kvmTried = ways.attempts.some((a) => a.type === 'kvm');
    return {
      id: 'guest-start',
      title: TITLE,
      status: kvmTried ? 'warn' : 'pass',
      detail: details,
      fix: kvmTried ? NESTED_FIX : null,
      impact: kvmTried
        ? 'KVM guests do not run here: new VMs use software emulation (TCG), which is much slower but boots.'
        : 'An emulated guest starts and runs its boot code: new VMs use emulation.',
      attempts: ways.attempts,
    };
  }
  return {
    id: 'guest-start',
    title: TITLE,
    status: 'fail',
    detail: details,
    fix: "Read libvirt's reason above; check that qemu-system-x86 and its firmware (seabios) are installed and libvirtd can start guests.",
    impact: 'New guests will probably not start at all.',
    attempts: ways.attempts,
  };
}
