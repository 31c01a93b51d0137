import { afterEach, describe, expect, it, vi } from 'vitest';
import { KvmError } from '@/lib/kvm';
import { healthyReport } from '@/lib/kvm/test-support/fixtures';
import { clearProbeCache } from './readiness-probe';
import { guestDomainType } from './virt-type';

afterEach(() => {
  clearProbeCache();
  vi.unstubAllEnvs();
});

const healthy = async () => healthyReport();
const brokenSelfTest = async () => healthyReport({ selfTest: { ...healthyReport().selfTest!, ok: false, problem: 'the guest never exited', timedOut: true } });
const missingDevice = () =>
  Promise.reject(new KvmError({ code: 'ENOENT', errno: 2, syscall: 'open', devicePath: '/dev/kvm', detail: 'No such file or directory' }));

describe('guestDomainType', () => {
  it('chooses kvm when the self-test passes', async () => {
    expect(await guestDomainType({ prober: healthy, forceEmulation: false })).toEqual({
      type: 'kvm',
      forced: false,
      reason: 'The KVM self-test passed in 1.5 ms: guests use hardware virtualization.',
    });
  });

  it('falls back to qemu with a warning when the self-test fails', async () => {
    const d = await guestDomainType({ prober: brokenSelfTest, forceEmulation: false });
    expect(d).toMatchObject({ type: 'qemu', forced: false });
    expect(d.reason).toMatch(/the guest never exited.*software emulation/);
  });

  it('falls back to qemu and says why when /dev/kvm is missing', async () => {
    const d = await guestDomainType({ prober: missingDevice, forceEmulation: false });
    expect(d).toMatchObject({ type: 'qemu', forced: false });
    expect(d.reason).toMatch(/does not exist.*BIOS/);
  });

  it('uses qemu when emulation is forced, even though KVM works', async () => {
    const d = await guestDomainType({ prober: healthy, forceEmulation: true });
    expect(d).toMatchObject({ type: 'qemu', forced: true });
    expect(d.reason).toMatch(/forced by the setting VIREO_FORCE_EMULATION although the KVM self-test passes/);
  });

  it('reads VIREO_FORCE_EMULATION from the environment', async () => {
    vi.stubEnv('VIREO_FORCE_EMULATION', 'true');
    expect(await guestDomainType({ prober: healthy })).toMatchObject({ type: 'qemu', forced: true });
    vi.stubEnv('VIREO_FORCE_EMULATION', '0');
    expect(await guestDomainType({ prober: healthy })).toMatchObject({ type: 'kvm', forced: false });
    vi.stubEnv('VIREO_FORCE_EMULATION', '');
    expect(await guestDomainType({ prober: healthy })).toMatchObject({ type: 'kvm', forced: false });
    vi.stubEnv('VIREO_FORCE_EMULATION', 'maybe');
    await expect(guestDomainType({ prober: healthy })).rejects.toThrow(/VIREO_FORCE_EMULATION/);
  });
});
