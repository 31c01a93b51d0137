import { afterEach, describe, expect, it } from 'vitest';
import { probeKvm } from '@/lib/kvm';
import { clearProbeCache } from './readiness-probe';
import { hostReadiness } from './readiness-report';
import { guestDomainType } from './virt-type';

// The real probe on this machine's /dev/kvm, and the real failures of a wrong device path or a missing addon.

afterEach(clearProbeCache);

describe('readiness on this host', () => {
  it('passes the KVM self-test and chooses kvm unless emulation is forced', async () => {
    const r = await hostReadiness({ forceEmulation: false });
    expect(r.checks.find((c) => c.id === 'self-test')?.status).toBe('pass');
    expect(r.facts?.apiVersion).toBe(12);
    expect(r.facts!.maxVcpus).toBeGreaterThan(0);
    expect(r.facts!.cpuFeatures).toContain('lm');
    expect(r.domainType).toMatchObject({ type: 'kvm', forced: false });
    expect(await guestDomainType({ forceEmulation: true })).toMatchObject({ type: 'qemu', forced: true });
  });

  it('shows a missing device as a fail row with the BIOS and module fix', async () => {
    const r = await hostReadiness({ prober: () => probeKvm({ devicePath: '/dev/no-such-kvm' }), forceEmulation: false });
    expect(r.checks).toEqual([expect.objectContaining({ id: 'device', status: 'fail', fix: expect.stringMatching(/VT-x\/AMD-V/) })]);
    expect(r.domainType.type).toBe('qemu');
  });

  it('shows an addon that is not built as a fail row', async () => {
    const saved = process.env.VIREO_KVM_ADDON;
    process.env.VIREO_KVM_ADDON = '/nonexistent/vireo_kvm.node';
    try {
      const r = await hostReadiness({ fresh: true, forceEmulation: false });
      expect(r.checks[0]).toMatchObject({ id: 'device', status: 'fail', fix: expect.stringMatching(/build:native/) });
    } finally {
      if (saved === undefined) delete process.env.VIREO_KVM_ADDON;
      else process.env.VIREO_KVM_ADDON = saved;
    }
  });
});
