import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSystemUri } from '@/test/support/test-libvirtd';
import { goodSelfTestOutcome } from './test-support/fixtures';
import { loadAddon } from './addon';
import { kvmErrorFromAddon } from './errors';
import { capabilityInfo } from './capabilities';
import { KvmError, probeKvm, type KvmReport } from './index';

// Runs against this host's real /dev/kvm. If the host has none, the first test fails with the
// KvmError's reason, which says what is missing.
const run = promisify(execFile);
const addonPath = fileURLToPath(new URL('../../native/build/Release/vireo_kvm.node', import.meta.url));

let report: KvmReport;
let scratch: string;

beforeAll(async () => {
  report = await probeKvm();
  scratch = await mkdtemp(path.join(tmpdir(), 'vireo-kvm-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** The flags Linux lists for the host CPU in /proc/cpuinfo (the first processor's line). */
async function hostCpuFlags(): Promise<Set<string>> {
  const line = (await readFile('/proc/cpuinfo', 'utf8')).match(/^flags\s*:(.*)$/m)![1]!;
  return new Set(line.trim().split(/\s+/));
}

async function probeError(options: Parameters<typeof probeKvm>[0]): Promise<KvmError> {
  const err = await probeKvm(options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(KvmError);
  return err as KvmError;
}

describe('probeKvm on the real /dev/kvm', () => {
  it('reports the API version, capabilities, mmap size, CPUID and MSRs', () => {
    expect(report.apiVersion).toBe(12);
    expect(report.vcpuMmapSize).toBeGreaterThanOrEqual(4096);
    expect(report.cpuidLeafCount).toBeGreaterThan(10);
    expect(report.msrIndexCount).toBeGreaterThan(0);
    const caps = new Map(report.capabilities.map((c) => [c.name, c]));
    expect(caps.get('MAX_VCPUS')!.value).toBeGreaterThanOrEqual(caps.get('NR_VCPUS')!.value);
    expect(caps.get('USER_MEMORY')!.value).toBe(1);
    expect(caps.get('NR_MEMSLOTS')!.value).toBeGreaterThan(0);
    for (const c of report.capabilities) expect(capabilityInfo[c.name], `${c.name} has a description`).toBeDefined();
  });

  it('decodes named CPU features, including long mode', () => {
    const names = report.cpuFeatures.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['fpu', 'cx8', 'lm', 'nx']));
  });

  it('runs the real-mode guest: OUT 0x2a to port 0x10, then HLT', () => {
    expect(report.selfTest).toMatchObject(goodSelfTestOutcome);
    expect(report.selfTest!.durationMs).toBeGreaterThan(0);
  });

  it('reads nested virtualization from the module parameters', async () => {
    const { module, enabled, kvmModules } = report.nested;
    expect(kvmModules).toContain('kvm');
    if (module) {
      const text = await readFile(`/sys/module/${module}/parameters/nested`, 'utf8');
      expect(enabled).toBe(/^[Y1]/.test(text));
    } else {
      expect(enabled).toBeNull();
    }
  });

  it('bounds a guest that never exits, and keeps the event loop free meanwhile', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    const spun = await probeKvm({ selfTestGuest: 'spin', timeoutMs: 300 });
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(spun.selfTest).toMatchObject({ ok: false, timedOut: true, exitReason: null });
    expect(spun.selfTest!.problem).toMatch(/did not exit within the time limit/);
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(elapsed).toBeLessThan(5000);
    // KVM_RUN blocked a worker thread for 300 ms; the main thread kept running timers.
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it('keeps concurrent self-tests apart: a spinning guest times out, its neighbours pass', async () => {
    const results = await Promise.all([
      probeKvm({ selfTestGuest: 'spin', timeoutMs: 200 }),
      probeKvm(),
      probeKvm({ selfTestGuest: 'spin', timeoutMs: 400 }),
      probeKvm(),
    ]);
    expect(results.map((r) => [r.selfTest!.ok, r.selfTest!.timedOut])).toEqual([
      [false, true],
      [true, false],
      [false, true],
      [true, false],
    ]);
    expect(results[2].selfTest!.durationMs).toBeGreaterThanOrEqual(400);
  });

  it('can skip the self-test', async () => {
    expect((await probeKvm({ selfTest: false })).selfTest).toBeNull();
  });
});

describe('probeKvm on a wrong device path', () => {
  it('a missing path is ENOENT with the BIOS/module reason', async () => {
    const err = await probeError({ devicePath: '/nonexistent/kvm' });
    expect(err).toMatchObject({ code: 'ENOENT', errno: 2, syscall: 'open', devicePath: '/nonexistent/kvm' });
    expect(err.reason).toBe('/nonexistent/kvm does not exist: KVM module not loaded or virtualization disabled in BIOS');
  });

  it('a file with mode 000 is refused: EACCES for users, ENOTTY for root (root bypasses modes)', async () => {
    const file = path.join(scratch, 'not-kvm');
    await writeFile(file, 'not a device');
    await chmod(file, 0o000);
    const err = await probeError({ devicePath: file });
    if (process.getuid?.() === 0) {
      expect(err).toMatchObject({ code: 'ENOTTY', errno: 25, syscall: 'ioctl(KVM_GET_API_VERSION)' });
      expect(err.reason).toMatch(/is not a KVM device/);
    } else {
      expect(err).toMatchObject({ code: 'EACCES', errno: 13, syscall: 'open' });
    }
  });

  it('a directory is EISDIR', async () => {
    expect(await probeError({ devicePath: scratch })).toMatchObject({ code: 'EISDIR', syscall: 'open' });
  });

  it('the real /dev/kvm opened by a user outside the kvm group is EACCES; inside the group it works', async () => {
    // open() never refuses root, so the addon runs in a child dropped to nobody (only root can do
    // that; CI runs as root). The child loads a copy of the addon from a world-readable directory
    // because the checkout may not be readable by nobody; the parent maps its answer as probeKvm does.
    expect(process.getuid?.(), 'this test needs root to drop privileges with setpriv').toBe(0);
    expect((await stat('/dev/kvm')).mode & 0o006, '/dev/kvm must not be open to everyone').toBe(0);
    const kvmGid = (await readFile('/etc/group', 'utf8'))
      .split('\n')
      .find((l) => l.startsWith('kvm:'))!
      .split(':')[2]!;
    const addonCopy = path.join(scratch, 'vireo_kvm.node');
    await copyFile(addonPath, addonCopy);
    await chmod(scratch, 0o755);
    const child = `require(${JSON.stringify(addonCopy)}).probe({ path: '/dev/kvm', selfTest: false }).then(
      (r) => console.log(JSON.stringify({ apiVersion: r.apiVersion })),
      (e) => console.log(JSON.stringify({ error: { message: e.message, errno: e.errno, code: e.code, syscall: e.syscall } })))`;
    const asNobody = async (groups: string[]) => {
      const groupArgs = groups.length ? [`--groups=${groups.join(',')}`] : ['--clear-groups'];
      const { stdout } = await run('setpriv', ['--reuid=65534', '--regid=65534', ...groupArgs, '--', process.execPath, '-e', child], { cwd: scratch });
      return JSON.parse(stdout) as { apiVersion?: number; error?: unknown };
    };
    const refused = await asNobody([]);
    const err = kvmErrorFromAddon(refused.error, '/dev/kvm');
    expect(err).toBeInstanceOf(KvmError);
    expect(err).toMatchObject({ code: 'EACCES', errno: 13, syscall: 'open', detail: 'Permission denied' });
    expect((err as KvmError).reason).toBe('no permission to open /dev/kvm: add the user running Vireo to the kvm group');
    expect(await asNobody([kvmGid])).toEqual({ apiVersion: 12 });
  });

  it('the addon rejects bad arguments with TypeError before any work', () => {
    const addon = loadAddon();
    const bad = [
      undefined,
      {},
      { path: 3 },
      { path: '' },
      { path: '/dev/kvm', timeoutMs: 0 },
      { path: '/dev/kvm', timeoutMs: 1.5 },
      { path: '/dev/kvm', selfTest: 'yes' },
      { path: '/dev/kvm', guest: 'reboot' },
    ];
    for (const options of bad) expect(() => addon.probe(options as never), JSON.stringify(options)).toThrow(TypeError);
  });
});

describe('cross-check against independent witnesses on this host', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

  it('virsh domcapabilities --virttype kvm: KVM available, max vCPUs within KVM_CAP_MAX_VCPUS', async () => {
    const { stdout } = await run('virsh', ['-c', testSystemUri, 'domcapabilities', '--virttype', 'kvm']);
    const caps = (parser.parse(stdout) as { domainCapabilities: { domain: string; vcpu: { max: string } } }).domainCapabilities;
    expect(caps.domain).toBe('kvm');
    const virshMax = Number(caps.vcpu.max);
    const kvmMax = report.capabilities.find((c) => c.name === 'MAX_VCPUS')!.value;
    // libvirt reports the machine type's limit; QEMU can never exceed what KVM allows.
    expect(virshMax).toBeGreaterThan(0);
    expect(virshMax).toBeLessThanOrEqual(kvmMax);
    expect(report.selfTest!.ok).toBe(true);
  });

  it('virsh capabilities lists a kvm domain type for x86_64 guests', async () => {
    const { stdout } = await run('virsh', ['-c', testSystemUri, 'capabilities']);
    type Guest = { arch: { name: string; domain: { type: string } | { type: string }[] } };
    const guests = [(parser.parse(stdout) as { capabilities: { guest: Guest | Guest[] } }).capabilities.guest].flat();
    const x86 = guests.find((g) => g.arch.name === 'x86_64');
    expect(x86).toBeDefined();
    const types = [x86!.arch.domain].flat().map((d) => d.type);
    expect(types).toContain('kvm');
  });

  it('/proc/cpuinfo: every hardware-only feature KVM offers guests is a host CPU flag', async () => {
    const flags = await hostCpuFlags();
    // KVM emulates some features (x2apic, TSC deadline, the hypervisor bit, speculation-control
    // MSRs); the rest it can only pass through, so the host must have them.
    const emulated = new Set([
      'x2apic',
      'tsc_deadline_timer',
      'hypervisor',
      'tsc_adjust',
      'arch_capabilities',
      'spec_ctrl',
      'intel_stibp',
      'spec_ctrl_ssbd',
      'md_clear',
      'flush_l1d',
      'vmx',
      'svm',
      'ht',
      'mp',
      'cmp_legacy',
      'extapic',
      'osvw',
      'topoext',
    ]);
    // Linux drops la57 from its own flags when it runs with 4-level paging, though the CPU has it and KVM passes it
    // on (seen on a nested host): cpuinfo is no witness for it.
    const hiddenByKernel = new Set(['la57']);
    const passedThrough = report.cpuFeatures.map((f) => f.name).filter((n) => !emulated.has(n) && !hiddenByKernel.has(n));
    expect(passedThrough.length).toBeGreaterThan(10);
    expect(passedThrough.filter((n) => !flags.has(n))).toEqual([]);
  });

  it('/proc/cpuinfo: vmx/svm on the host matches the vendor module, and guests see it only with nested on', async () => {
    const flags = await hostCpuFlags();
    const { module, enabled } = report.nested;
    if (module === 'kvm_intel') expect(flags.has('vmx')).toBe(true);
    if (module === 'kvm_amd') expect(flags.has('svm')).toBe(true);
    const offered = report.cpuFeatures.some((f) => f.name === 'vmx' || f.name === 'svm');
    if (offered) expect(enabled).toBe(true);
    if (enabled === false) expect(offered).toBe(false);
  });
});
