import { afterEach, describe, expect, it, vi } from 'vitest';
import { KvmError } from '@/lib/kvm';
import { healthyReport } from '@/lib/kvm/test-support/fixtures';
import type { HostContext } from '@/lib/hosts';
import type { LibvirtClient } from '@/lib/libvirt';
import type { GuestWay, ProbeAttempt } from './guest-probe/attempt';
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

/** A host whose libvirt is never really asked: the test guests are played by `works`. */
function fakeHost(local = true): HostContext {
  const state = new Map<string, unknown>();
  return {
    local,
    libvirt: async () => ({}) as LibvirtClient,
    scoped: <T>(key: string, create: () => T): T => {
      if (!state.has(key)) state.set(key, create());
      return state.get(key) as T;
    },
  } as unknown as HostContext;
}

/** Test guests that run for the ways listed, and fail (paused by KVM) for the others; records what was tried. */
function guests(...working: string[]) {
  const tried: string[] = [];
  const attempt = async (_c: LibvirtClient, way: GuestWay): Promise<ProbeAttempt> => {
    const key = way.cpuMode ?? way.type;
    tried.push(key);
    const ok = working.includes(key);
    return { ...way, ok, outcome: ok ? 'booted' : 'stopped', detail: ok ? 'it ran' : 'QEMU paused the test guest', ms: 400 };
  };
  return { tried, attempt };
}

describe('guestDomainType', () => {
  it('chooses kvm with the host CPU when the self-test passes and a test guest runs with it', async () => {
    const g = guests('host-passthrough');
    expect(await guestDomainType(fakeHost(), { prober: healthy, forceEmulation: false, attempt: g.attempt })).toEqual({
      type: 'kvm',
      cpuMode: 'host-passthrough',
      forced: false,
      reason:
        "The KVM self-test passed in 1.5 ms and a test guest ran under KVM with the host's own CPU (host-passthrough) in 400 ms: guests use hardware " +
        'virtualization.',
    });
    expect(g.tried).toEqual(['host-passthrough']);
  });

  it('falls back to host-model when host-passthrough does not run, and says why', async () => {
    const g = guests('host-model');
    const d = await guestDomainType(fakeHost(), { prober: healthy, forceEmulation: false, attempt: g.attempt });
    expect(d).toMatchObject({ type: 'kvm', cpuMode: 'host-model' });
    expect(d.reason).toMatch(/did not run under KVM with host-passthrough: QEMU paused the test guest\. With host-model it ran in 400 ms/);
    expect(g.tried).toEqual(['host-passthrough', 'host-model']);
  });

  it('falls back to emulation when no KVM test guest runs (the nested host), naming both failures', async () => {
    const g = guests('qemu');
    const d = await guestDomainType(fakeHost(), { prober: healthy, forceEmulation: false, attempt: g.attempt });
    expect(d).toMatchObject({ type: 'qemu', cpuMode: null, forced: false });
    expect(d.reason).toBe(
      'KVM guests do not run on this host although the KVM self-test passes: a test guest failed under KVM with host-passthrough and host-model: ' +
        'QEMU paused the test guest. New guests use software emulation (TCG), which works but is much slower.',
    );
    expect(g.tried).toEqual(['host-passthrough', 'host-model', 'qemu']);
  });

  it('says so when not even an emulated guest runs', async () => {
    const d = await guestDomainType(fakeHost(), { prober: healthy, forceEmulation: false, attempt: guests().attempt });
    expect(d).toMatchObject({ type: 'qemu', cpuMode: null });
    expect(d.reason).toMatch(/Not even an emulated test guest ran/);
  });

  it('asks the host once and reuses the answer, until asked afresh', async () => {
    const g = guests('host-passthrough');
    const host = fakeHost();
    await guestDomainType(host, { prober: healthy, forceEmulation: false, attempt: g.attempt });
    await guestDomainType(host, { prober: healthy, forceEmulation: false, attempt: g.attempt });
    expect(g.tried).toEqual(['host-passthrough']);
    await guestDomainType(host, { prober: healthy, forceEmulation: false, attempt: g.attempt, fresh: true });
    expect(g.tried).toEqual(['host-passthrough', 'host-passthrough']);
  });

  it('keeps kvm with host-passthrough when libvirt cannot be asked, and says the start was not tried', async () => {
    const host = { ...fakeHost(), libvirt: () => Promise.reject(new Error('libvirtd is not reachable')) } as unknown as HostContext;
    const d = await guestDomainType(host, { prober: healthy, forceEmulation: false });
    expect(d).toMatchObject({ type: 'kvm', cpuMode: 'host-passthrough' });
    expect(d.reason).toMatch(/could not be tried: libvirt could not be asked \(libvirtd is not reachable\)/);
  });

  it('falls back to qemu with a warning when the self-test fails, without trying KVM guests', async () => {
    const g = guests('host-passthrough', 'qemu');
    const d = await guestDomainType(fakeHost(), { prober: brokenSelfTest, forceEmulation: false, attempt: g.attempt });
    expect(d).toMatchObject({ type: 'qemu', forced: false, cpuMode: null });
    expect(d.reason).toMatch(/the guest never exited.*software emulation/);
    expect(g.tried).toEqual([]);
  });

  it('falls back to qemu and says why when /dev/kvm is missing', async () => {
    const d = await guestDomainType(fakeHost(), { prober: missingDevice, forceEmulation: false, attempt: guests().attempt });
    expect(d).toMatchObject({ type: 'qemu', forced: false });
    expect(d.reason).toMatch(/does not exist.*BIOS/);
  });

  it('lets a remote host be judged by its test guests alone (this machine has no KVM)', async () => {
    const d = await guestDomainType(fakeHost(false), { prober: missingDevice, forceEmulation: false, attempt: guests('host-passthrough').attempt });
    expect(d).toMatchObject({ type: 'kvm', cpuMode: 'host-passthrough' });
  });

  it('uses qemu when emulation is forced, even though KVM works, and starts no test guest', async () => {
    const g = guests('host-passthrough');
    const d = await guestDomainType(fakeHost(), { prober: healthy, forceEmulation: true, attempt: g.attempt });
    expect(d).toMatchObject({ type: 'qemu', forced: true, cpuMode: null });
    expect(d.reason).toMatch(/forced by the setting VIREO_FORCE_EMULATION although the KVM self-test passes/);
    expect(g.tried).toEqual([]);
  });

  it('reads VIREO_FORCE_EMULATION from the environment', async () => {
    const attempt = guests('host-passthrough').attempt;
    vi.stubEnv('VIREO_FORCE_EMULATION', 'true');
    expect(await guestDomainType(fakeHost(), { prober: healthy, attempt })).toMatchObject({ type: 'qemu', forced: true });
    vi.stubEnv('VIREO_FORCE_EMULATION', '0');
    expect(await guestDomainType(fakeHost(), { prober: healthy, attempt })).toMatchObject({ type: 'kvm', forced: false });
    vi.stubEnv('VIREO_FORCE_EMULATION', '');
    expect(await guestDomainType(fakeHost(), { prober: healthy, attempt })).toMatchObject({ type: 'kvm', forced: false });
    vi.stubEnv('VIREO_FORCE_EMULATION', 'maybe');
    await expect(guestDomainType(fakeHost(), { prober: healthy, attempt })).rejects.toThrow(/VIREO_FORCE_EMULATION/);
  });
});
