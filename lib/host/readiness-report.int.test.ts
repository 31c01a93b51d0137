import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { probeKvm } from '@/lib/kvm';
import { virsh } from '@/test/support/virsh';
import { testHost } from '@/test/support/test-host';
import { attemptGuest } from './guest-probe/attempt';
import { PROBE_NAME_PREFIX } from './guest-probe/domain';
import { clearProbeCache } from './readiness-probe';
import { hostReadiness } from './readiness-report';
import { guestDomainType } from './virt-type';

// The real probe on this machine's /dev/kvm and its libvirtd: the addon's self-test, then test guests started
// through libvirt the way the wizard makes VMs. What this host does is written down here: KVM's self-test passes,
// but guests under nested KVM stop at their first boot-loader code (QEMU pauses them with a KVM internal error)
// with host-passthrough and host-model alike, while an emulated guest runs.

const host = testHost();

afterEach(clearProbeCache);
afterAll(() => host.close());

async function leftovers(): Promise<string[]> {
  const doms = (await virsh(['list', '--all', '--name'])).split('\n').filter((n) => n.startsWith(PROBE_NAME_PREFIX));
  const vols = (await virsh(['vol-list', 'default'])).split('\n').filter((l) => l.includes(PROBE_NAME_PREFIX));
  return [...doms, ...vols];
}

describe('test guests on this host', () => {
  it('runs an emulated guest to the end, and leaves nothing behind', async () => {
    const a = await attemptGuest(await host.libvirt(), { type: 'qemu', cpuMode: null });
    expect(a).toMatchObject({ type: 'qemu', ok: true, outcome: 'booted' });
    expect(a.ms).toBeLessThan(15_000);
    expect(await leftovers()).toEqual([]);
  });

  it.each(['host-passthrough', 'host-model'] as const)('starts a KVM guest with %s paused; says plainly whether its code runs', async (cpuMode) => {
    const a = await attemptGuest(await host.libvirt(), { type: 'kvm', cpuMode });
    // Either it ran, or it stopped with a reason that says what happened: never an unexplained failure.
    if (a.ok) expect(a.outcome).toBe('booted');
    else expect(a.detail).toMatch(/KVM could not run its boot-loader code|libvirt could not start it|hangs|crashed|stopped/);
    console.log(`KVM with ${cpuMode}: ${a.outcome} in ${a.ms} ms (${a.detail})`);
    expect(await leftovers()).toEqual([]);
  });
});

describe('readiness on this host', () => {
  it('passes the KVM self-test, tries test guests in order and chooses the first way that runs', async () => {
    const r = await hostReadiness(host, { forceEmulation: false, fresh: true });
    expect(r.checks.find((c) => c.id === 'self-test')?.status).toBe('pass');
    expect(r.facts?.apiVersion).toBe(12);
    expect(r.facts!.maxVcpus).toBeGreaterThan(0);
    expect(r.facts!.cpuFeatures).toContain('lm');
    const row = r.checks.find((c) => c.id === 'guest-start')!;
    expect('attempts' in row).toBe(true);
    const attempts = 'attempts' in row ? row.attempts : [];
    expect(attempts.map((a) => a.cpuMode ?? a.type)).toEqual(['host-passthrough', 'host-model', 'qemu'].slice(0, attempts.length));
    const won = attempts.find((a) => a.ok);
    expect(won).toBeDefined();
    expect(r.domainType).toMatchObject({ type: won!.type, cpuMode: won!.cpuMode, forced: false });
    // The wizard gets the same answer from the cache: no second round of test guests.
    const t0 = performance.now();
    expect(await guestDomainType(host, { forceEmulation: false })).toEqual(r.domainType);
    expect(performance.now() - t0).toBeLessThan(300);
    expect(await guestDomainType(host, { forceEmulation: true })).toMatchObject({ type: 'qemu', forced: true, cpuMode: null });
    expect(await leftovers()).toEqual([]);
  });

  it('shows a missing device as a fail row with the BIOS and module fix, and tries only emulation', async () => {
    const r = await hostReadiness(host, { prober: () => probeKvm({ devicePath: '/dev/no-such-kvm' }), forceEmulation: false, fresh: true });
    expect(r.checks[0]).toEqual(expect.objectContaining({ id: 'device', status: 'fail', fix: expect.stringMatching(/VT-x\/AMD-V/) }));
    expect(r.checks.map((c) => c.id)).toEqual(['device', 'guest-start']);
    expect(r.checks[1]).toMatchObject({ status: 'pass', detail: expect.stringMatching(/^emulation \(TCG\): ran/) });
    expect(r.domainType.type).toBe('qemu');
  });

  it('shows an addon that is not built as a fail row', async () => {
    const saved = process.env.VIREO_KVM_ADDON;
    process.env.VIREO_KVM_ADDON = '/nonexistent/vireo_kvm.node';
    try {
      const r = await hostReadiness(host, { fresh: true, forceEmulation: false });
      expect(r.checks[0]).toMatchObject({ id: 'device', status: 'fail', fix: expect.stringMatching(/build:native/) });
    } finally {
      if (saved === undefined) delete process.env.VIREO_KVM_ADDON;
      else process.env.VIREO_KVM_ADDON = saved;
    }
  });
});
