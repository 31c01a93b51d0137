import type { CheckStatus, ReadinessCheck } from '@/lib/kvm';

// What each check's outcome means for the guests an admin is about to run. lib/kvm says what was found and how
// to fix it; this says why it matters, in the words of someone creating virtual machines.

const EMULATED = 'Guests cannot use KVM: Vireo creates them with QEMU’s software emulator (TCG), which is many times slower.';

/** Per check: a sentence per status, and for a warning about not knowing (check.unknown), its own sentence. */
const impacts: Record<ReadinessCheck['id'], Partial<Record<CheckStatus | 'unknown', string>> & { pass: string }> = {
  device: {
    pass: 'Vireo can reach KVM, so guests can use the CPU’s virtualization extensions.',
    fail: EMULATED,
  },
  'api-version': {
    pass: 'The kernel speaks the KVM API that QEMU and libvirt expect.',
    fail: EMULATED,
  },
  capabilities: {
    pass: 'Every kernel feature QEMU relies on for fast guests is there.',
    warn: 'Guests run, but some run slower or without a few devices or features.',
    fail: 'QEMU cannot run KVM guests on this kernel; guests fall back to software emulation.',
  },
  vcpus: {
    pass: 'Sets how many vCPUs and memory regions one guest can have.',
    fail: 'KVM reports no usable vCPUs: guests cannot run with KVM.',
  },
  'cpu-features': {
    pass: 'These are the CPU features guests see; operating systems and software that need them will run.',
    warn: 'Only 32-bit guest operating systems can run.',
  },
  nested: {
    pass: 'Guests can run their own hypervisors (for example a test KVM host inside a VM).',
    warn: 'Guests cannot run their own virtual machines. Ordinary guests are not affected.',
    unknown: 'Whether guests can run their own virtual machines is not known. Ordinary guests are not affected.',
  },
  'self-test': {
    pass: 'Creating a VM and running guest code through KVM works for Vireo’s user. It does not prove that a full guest OS boots.',
    warn: 'Whether KVM runs guest code is unknown, so new guests use software emulation.',
    fail: 'KVM could not run guest code: new guests use software emulation (domain type qemu) and run much slower.',
  },
};

/** The sentence for the "what it means for guests" column. */
export function guestImpact(check: Pick<ReadinessCheck, 'id' | 'status' | 'unknown'>): string {
  const says = impacts[check.id];
  return (check.unknown && check.status !== 'pass' ? says.unknown : undefined) ?? says[check.status] ?? EMULATED;
}
