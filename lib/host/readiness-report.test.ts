import { afterEach, describe, expect, it } from 'vitest';
import { KvmError, type ReadinessCheck } from '@/lib/kvm';
import { healthyReport } from '@/lib/kvm/test-support/fixtures';
import { guestImpact } from './readiness-impact';
import { unloadableCheck } from './readiness-kvm';
import { clearProbeCache } from './readiness-probe';
import { hostReadiness, readinessFrom, SELF_TEST_NOTE } from './readiness-report';

afterEach(clearProbeCache);

const at = new Date('2025-01-01T10:00:00Z');

describe('hostReadiness', () => {
  it('lists every check of a healthy host as pass, with its meaning for guests and the key facts', async () => {
    const r = await hostReadiness({ prober: async () => healthyReport(), forceEmulation: false });
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
    ]);
    expect(r.checks.every((c) => c.impact.length > 20)).toBe(true);
    expect(r.facts).toMatchObject({ apiVersion: 12, maxVcpus: 1024, recommendedVcpus: 8, memorySlots: 32764, cpuFeatures: ['avx', 'lm'] });
    expect(r.facts!.selfTest).toMatchObject({ ok: true, durationMs: 1.5 });
    expect(r.selfTestNote).toBe(SELF_TEST_NOTE);
    expect(r.domainType).toMatchObject({ type: 'kvm', forced: false });
  });

  it('shows a failed probe as one fail row with the fix, and no facts', async () => {
    const error = new KvmError({ code: 'EACCES', errno: 13, syscall: 'open', devicePath: '/dev/kvm', detail: 'Permission denied' });
    const r = await readinessFrom({ report: null, error, probedAt: at }, false);
    expect(r.overall).toBe('fail');
    expect(r.facts).toBeNull();
    expect(r.checks).toHaveLength(1);
    expect(r.checks[0]).toMatchObject({ id: 'device', status: 'fail', fix: expect.stringMatching(/usermod -aG kvm/) });
    expect(r.checks[0]!.impact).toMatch(/software emulator/);
    expect(r.domainType.type).toBe('qemu');
    expect(r.probedAt).toBe('2025-01-01T10:00:00.000Z');
  });

  it('rates the host by its worst check and keeps warnings explained', async () => {
    const report = healthyReport({ nested: { module: 'kvm_amd', enabled: false, kvmModules: ['kvm', 'kvm_amd'] } });
    const r = await readinessFrom({ report, error: null, probedAt: at }, false);
    expect(r.overall).toBe('warn');
    const nested = r.checks.find((c) => c.id === 'nested')!;
    expect(nested.impact).toMatch(/cannot run their own virtual machines/);
    expect(nested.fix).toMatch(/nested=1/);
    expect(r.headline).toMatch(/^Ready, with a warning\. New guests use KVM\. It warns because of “Nested virtualization”: Guests cannot run their own/);
  });

  it('does not say guests cannot run their own VMs when nested support is unknown', async () => {
    const report = healthyReport({ nested: { module: null, enabled: null, kvmModules: ['kvm'] } });
    const r = await readinessFrom({ report, error: null, probedAt: at }, false);
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
