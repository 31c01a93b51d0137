import { describe, expect, it } from 'vitest';
import { KvmError } from './errors';
import { chooseDomainType, evaluateReadiness, type ReadinessCheck } from './readiness';
import { healthyReport } from './test-support/fixtures';

const byId = (checks: ReadinessCheck[], id: ReadinessCheck['id']) => checks.find((c) => c.id === id)!;

function kvmError(code: string, errno: number, syscall = 'open') {
  return new KvmError({ code, errno, syscall, devicePath: '/dev/kvm', detail: 'from the kernel' });
}

describe('evaluateReadiness', () => {
  it('passes every check of a healthy host', () => {
    const checks = evaluateReadiness({ report: healthyReport() });
    expect(checks.map((c) => c.id)).toEqual(['device', 'api-version', 'capabilities', 'vcpus', 'cpu-features', 'nested', 'self-test']);
    expect(checks.every((c) => c.status === 'pass' && c.fix === null)).toBe(true);
    expect(byId(checks, 'vcpus').detail).toBe('up to 1024 vCPUs per VM (8 recommended), 32764 memory slots');
  });

  it('says the self-test proves the ioctl path, not a guest boot', () => {
    expect(byId(evaluateReadiness({ report: healthyReport() }), 'self-test').detail).toMatch(/ioctl path.*not that a full guest boots/);
  });

  it('fails a missing device with the BIOS/module fix', () => {
    const [check, ...rest] = evaluateReadiness({ error: kvmError('ENOENT', 2) });
    expect(rest).toEqual([]);
    expect(check).toMatchObject({ id: 'device', status: 'fail' });
    expect(check!.detail).toBe('/dev/kvm does not exist: KVM module not loaded or virtualization disabled in BIOS');
    expect(check!.fix).toMatch(/modprobe kvm_intel/);
  });

  it('fails a permission error with the kvm group fix', () => {
    const [check] = evaluateReadiness({ error: kvmError('EACCES', 13) });
    expect(check!.detail).toMatch(/no permission.*kvm group/);
    expect(check!.fix).toMatch(/usermod -aG kvm/);
  });

  it('fails an unbuilt addon with the build command', () => {
    const [check] = evaluateReadiness({ error: kvmError('ADDON_NOT_BUILT', 0, 'dlopen') });
    expect(check!.fix).toMatch(/npm run build:native/);
  });

  it('reports a wrong API version under its own id', () => {
    const [check] = evaluateReadiness({ error: kvmError('KVM_API_VERSION', 0, 'ioctl(KVM_GET_API_VERSION)') });
    expect(check).toMatchObject({ id: 'api-version', status: 'fail' });
  });

  it('fails unknown errors without hiding them', () => {
    const [check] = evaluateReadiness({ error: new Error('boom') });
    expect(check).toMatchObject({ id: 'device', status: 'fail', detail: 'the probe failed: Error: boom' });
  });

  it('fails a missing required capability and warns on a missing recommended one', () => {
    const report = healthyReport();
    const set = (name: string, value: number) => ({ ...report, capabilities: report.capabilities.map((c) => (c.name === name ? { ...c, value } : c)) });
    expect(byId(evaluateReadiness({ report: set('IRQFD', 0) }), 'capabilities')).toMatchObject({ status: 'fail', detail: 'missing: IRQFD' });
    expect(byId(evaluateReadiness({ report: set('DIRTY_LOG_RING', 0) }), 'capabilities')).toMatchObject({
      status: 'warn',
      detail: 'missing recommended: DIRTY_LOG_RING',
    });
  });

  it('warns without long mode', () => {
    const check = byId(evaluateReadiness({ report: healthyReport({ cpuFeatures: [] }) }), 'cpu-features');
    expect(check.status).toBe('warn');
    expect(check.detail).toMatch(/only 32-bit guests/);
  });

  it('warns when nested is off, with the modprobe option, and when no vendor module is loaded', () => {
    const off = byId(evaluateReadiness({ report: healthyReport({ nested: { module: 'kvm_amd', enabled: false, kvmModules: ['kvm', 'kvm_amd'] } }) }), 'nested');
    expect(off).toMatchObject({ status: 'warn', detail: 'kvm_amd nested=off: guests cannot run their own VMs' });
    expect(off.fix).toMatch(/options kvm_amd nested=1/);
    expect(off.unknown).toBeUndefined();
    const none = byId(evaluateReadiness({ report: healthyReport({ nested: { module: null, enabled: null, kvmModules: ['kvm', 'kvm_pvm'] } }) }), 'nested');
    expect(none.detail).toMatch(/loaded: kvm, kvm_pvm/);
    expect(none).toMatchObject({ status: 'warn', unknown: true });
    expect(none.detail).not.toMatch(/cannot run/);
  });

  it('says an unreadable nested setting is unknown, not off', () => {
    const unread = byId(
      evaluateReadiness({ report: healthyReport({ nested: { module: 'kvm_intel', enabled: null, kvmModules: ['kvm', 'kvm_intel'] } }) }),
      'nested',
    );
    expect(unread).toMatchObject({ status: 'warn', unknown: true });
    expect(unread.detail).toBe('kvm_intel is loaded but its nested setting could not be read: nested support unknown');
    expect(unread.fix).toMatch(/options kvm_intel nested=1/);
  });

  it('fails a failed self-test with its problem, and warns when it did not run', () => {
    const failed = healthyReport().selfTest!;
    const report = healthyReport({ selfTest: { ...failed, ok: false, problem: 'the vCPU did not exit within the time limit (1000 ms)', timedOut: true } });
    const check = byId(evaluateReadiness({ report }), 'self-test');
    expect(check.status).toBe('fail');
    expect(check.detail).toMatch(/^the vCPU did not exit/);
    expect(byId(evaluateReadiness({ report: healthyReport({ selfTest: null }) }), 'self-test').status).toBe('warn');
  });
});

describe('chooseDomainType', () => {
  it('chooses kvm when the self-test passes', () => {
    expect(chooseDomainType(evaluateReadiness({ report: healthyReport() }))).toEqual({ type: 'kvm', warning: null });
  });

  it('falls back to qemu with the reason when KVM is not usable', () => {
    const d = chooseDomainType(evaluateReadiness({ error: new KvmError({ code: 'ENOENT', errno: 2, syscall: 'open', devicePath: '/dev/kvm', detail: 'x' }) }));
    expect(d.type).toBe('qemu');
    expect(d.warning).toMatch(/\/dev\/kvm does not exist.*software emulation/);
  });

  it('honours the setting that forces emulation', () => {
    const d = chooseDomainType(evaluateReadiness({ report: healthyReport() }), { forceEmulation: true });
    expect(d.type).toBe('qemu');
    expect(d.warning).toMatch(/forced/);
  });
});
