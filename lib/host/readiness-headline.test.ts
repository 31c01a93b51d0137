import { describe, expect, it } from 'vitest';
import { readinessHeadline } from './readiness-headline';

const kvm = { type: 'kvm' as const, forced: false };
const row = (title: string, status: 'pass' | 'warn' | 'fail', impact: string) => ({ title, status, impact });

describe('the readiness headline', () => {
  it('says a host is ready when every check passes, and what guests use', () => {
    expect(readinessHeadline('pass', [row('KVM device', 'pass', 'x.')], kvm)).toBe('Ready: every check passed. New guests use KVM.');
    expect(readinessHeadline('pass', [], { type: 'qemu', forced: true })).toBe(
      'Ready: every check passed. New guests use software emulation, as VIREO_FORCE_EMULATION asks.',
    );
  });

  it('names the check a warning comes from and what it means, so the warning is explained', () => {
    const checks = [
      row('KVM device', 'pass', 'fine.'),
      row('Nested virtualization', 'warn', 'Whether guests can run their own virtual machines is not known. Ordinary guests are not affected.'),
    ];
    expect(readinessHeadline('warn', checks, kvm)).toBe(
      'Ready, with a warning. New guests use KVM. It warns because of “Nested virtualization”: Whether guests can run their own virtual machines is not ' +
        'known. Ordinary guests are not affected.',
    );
  });

  it('names every failed check, and that guests fall back to emulation', () => {
    const checks = [row('KVM device', 'fail', 'Guests cannot use KVM.'), row('KVM self-test', 'fail', 'KVM could not run guest code.')];
    expect(readinessHeadline('fail', checks, { type: 'qemu', forced: false })).toBe(
      'Not ready for KVM guests. New guests use software emulation, which is much slower. It fails because of “KVM device”: Guests cannot use KVM. Also ' +
        '“KVM self-test”: KVM could not run guest code.',
    );
  });
});
