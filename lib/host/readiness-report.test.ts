import { afterEach, describe, expect, it } from 'vitest';
import { KvmError, type ReadinessCheck } from '@/lib/kvm';
import { healthyReport } from '@/lib/kvm/test-support/fixtures';
import type { HostContext } from '@/lib/hosts';
import type { LibvirtClient } from '@/lib/libvirt';
import type { GuestWay, ProbeAttempt } from './guest-probe/attempt';
import { guestImpact } from './readiness-impact';
import { unloadableCheck } from './readiness-kvm';
import { clearProbeCache } from './readiness-probe';
import { hostReadiness, readinessFrom, SELF_TEST_NOTE } from './readiness-report';

afterEach(clearProbeCache);

const at = new Date('2025-01-01T10:00:00Z');

const fakeHost = (): HostContext => {
  const state = new Map<string, unknown>();
  return {
    local: true,
    libvirt: async () => ({}) as LibvirtClient,
    scoped: <T>(k: string, create: () => T): T => (state.has(k) ? (state.get(k) as T) : (state.set(k, create()), state.get(k) as T)),
  } as unknown as HostContext;
};
const runs =
  (...working: string[]) =>
  async (_c: LibvirtClient, way: GuestWay): Promise<ProbeAttempt> => {
    const ok = working.includes(way.cpuMode ?? way.type);
    return { ...way, ok, outcome: ok ? 'booted' : 'stopped', detail: ok ? 'it ran' : 'QEMU paused the test guest', ms: 300 };
  };
const ways = (attempts: ProbeAttempt[]) => ({ chosen: attempts.find((a) => a.ok) ?? null, attempts, probedAt: at.toISOString() });

describe('hostReadiness', () => {
  it('lists every check of a healthy host as pass, with its meaning for guests and the key facts', async () => {
    const r = await hostReadiness(fakeHost(), { prober: async () => healthyReport(), forceEmulation: false, attempt: runs('host-passthrough') });
    expect(r.overall).toBe('pass');
    expect(r.headline).toBe('Ready: every check passed. New guests use KVM.');
    expect(r.checks.map((c) => [c.id, c.status])).toEqual([
      ['device', 'pass'],
      ['api-version', 'pass'],
      ['capabilities', 'pass'],
      ['vcpus', 'pass'],
      ['cpu-features', 'pass'],
      ['nested', 'pass'],
      ['self-test', 'pass'],
      ['guest-start', 'pass'],
    ]);
    expect(r.checks.every((c) => c.impact.length > 20)).toBe(true);
    expect(r.facts).toMatchObject({ apiVersion: 12, maxVcpus: 1024, recommendedVcpus: 8, memorySlots: 32764, cpuFeatures: ['avx', 'lm'] });
    expect(r.facts!.selfTest).toMatchObject({ ok: true, durationMs: 1.5 });
    expect(r.selfTestNote).toBe(SELF_TEST_NOTE);
    expect(r.domainType).toMatchObject({ type: 'kvm', cpuMode: 'host-passthrough', forced: false });
  });

  it('warns when KVM test guests stop and new guests fall back to emulation, with the fix for nested hosts', async () => {
    const r = await hostReadiness(fakeHost(), { prober: async () => healthyReport(), forceEmulation: false, attempt: runs('qemu') });
    expect(r.overall).toBe('warn');
    const row = r.checks.find((c) => c.id === 'guest-start')!;
    expect(row).toMatchObject({ status: 'warn', fix: expect.stringMatching(/unrestricted guest/) });
    expect(row.detail).toBe(
      'KVM with host-passthrough and host-model: QEMU paused the test guest. emulation (TCG): ran (300 ms). (Kept for six hours; “Probe again” starts the ' +
        'test guests afresh.)',
    );
    expect(row.impact).toMatch(/new VMs use software emulation/);
    expect(r.domainType).toMatchObject({ type: 'qemu', cpuMode: null, forced: false });
  });

  it('still starts the test guests when emulation is forced, so the page shows what KVM can do', async () => {
    const r = await hostReadiness(fakeHost(), { prober: async () => healthyReport(), forceEmulation: true, attempt: runs('host-passthrough') });
    expect(r.checks.find((c) => c.id === 'guest-start')!.status).toBe('pass');
    expect(r.domainType).toMatchObject({ type: 'qemu', forced: true });
  });

  it('shows a failed probe as one fail row with the fix, no facts, and emulated test guests', async () => {
    const error = new KvmError({ code: 'EACCES', errno: 13, syscall: 'open', devicePath: '/dev/kvm', detail: 'Permission denied' });
    const r = await hostReadiness(fakeHost(), { prober: () => Promise.reject(error), forceEmulation: false, attempt: runs('host-passthrough', 'qemu') });
    expect(r.overall).toBe('fail');
    expect(r.facts).toBeNull();
    expect(r.checks.map((c) => [c.id, c.status])).toEqual([
      ['device', 'fail'],
      ['guest-start', 'pass'],
    ]);
    expect(r.checks[0]).toMatchObject({ id: 'device', status: 'fail', fix: expect.stringMatching(/usermod -aG kvm/) });
    expect(r.checks[0]!.impact).toMatch(/software emulator/);
    // Without KVM only emulation is tried.
    expect(r.checks[1]!.detail).toMatch(/^emulation \(TCG\): ran \(300 ms\)\. \(Kept for six hours/);
    expect(r.domainType.type).toBe('qemu');
  });

  it('builds the page from a decision already made', () => {
    const r = readinessFrom({
      outcome: { report: null, error: new Error('x'), probedAt: at },
      checks: [{ id: 'device', title: 'KVM device', status: 'fail', detail: 'x', fix: null }],
      ways: ways([{ type: 'qemu', cpuMode: null, ok: true, outcome: 'booted', detail: 'it ran', ms: 300 }]),
      waysProblem: null,
      domainType: { type: 'qemu', cpuMode: null, reason: 'KVM is not usable', forced: false },
    });
    expect(r.probedAt).toBe('2025-01-01T10:00:00.000Z');
    expect(r.checks.map((c) => c.id)).toEqual(['device', 'guest-start']);
  });

  it('rates the host by its worst check and keeps warnings explained', async () => {
    const report = healthyReport({ nested: { module: 'kvm_amd', enabled: false, kvmModules: ['kvm', 'kvm_amd'] } });
    const r = await hostReadiness(fakeHost(), { prober: async () => report, forceEmulation: false, attempt: runs('host-passthrough') });
    expect(r.overall).toBe('warn');
    const nested = r.checks.find((c) => c.id === 'nested')!;
    expect(nested.impact).toMatch(/cannot run their own virtual machines/);
    expect(nested.fix).toMatch(/nested=1/);
    expect(r.headline).toMatch(/^Ready, with a warning\. New guests use KVM\. It warns because of “Nested virtualization”: Guests cannot run their own/);
  });

  it('does not say guests cannot run their own VMs when nested support is unknown', async () => {
    const report = healthyReport({ nested: { module: null, enabled: null, kvmModules: ['kvm'] } });
    const r = await hostReadiness(fakeHost(), { prober: async () => report, forceEmulation: false, attempt: runs('host-passthrough') });
    const nested = r.checks.find((c) => c.id === 'nested')!;
    expect(nested.status).toBe('warn');
    expect(nested.impact).toBe('Whether guests can run their own virtual machines is not known. Ordinary guests are not affected.');
    expect(`${nested.detail} ${nested.impact} ${r.headline}`).not.toMatch(/cannot run their own/);
    expect(r.headline).toMatch(/warns because of “Nested virtualization”: Whether guests/);
  });

  it('says the self-test proves the ioctl path, not a guest boot', () => {
    expect(SELF_TEST_NOTE).toBe(
      'The self-test runs a few bytes of real-mode code in a one-vCPU VM: it proves the KVM ioctl path works, not that a full guest OS boots.',
    );
  });
});

describe('guestImpact', () => {
  const ids: ReadinessCheck['id'][] = ['device', 'api-version', 'capabilities', 'vcpus', 'cpu-features', 'nested', 'self-test'];
  it('has a sentence for every check and status', () => {
    for (const id of ids) for (const status of ['pass', 'warn', 'fail'] as const) expect(guestImpact({ id, status })).toMatch(/\w{3,}.*\./);
  });
});

describe('unloadableCheck', () => {
  it('is a fail row naming the loader error and how to start Vireo', () => {
    expect(unloadableCheck(new Error('Unknown file extension ".ts"\nmore'))).toEqual({
      id: 'device',
      title: 'KVM device',
      status: 'fail',
      detail: 'the KVM probe could not be loaded: Unknown file extension ".ts"',
      fix: 'Start Vireo with `npm start` from its installation directory.',
    });
  });
});
