import { performance } from 'node:perf_hooks';
import { loadAddon, type RawReport } from './addon';
import { capabilityInfo } from './capabilities';
import { decodeCpuFeatures } from './cpuid';
import { kvmErrorFromAddon } from './errors';
import { readNested } from './nested';
import { interpretSelfTest } from './self-test';
import type { KvmCapability, KvmReport } from './types';

export interface ProbeKvmOptions {
  /** The KVM device; injectable so tests can point at missing or wrong files. */
  devicePath?: string;
  /** Run the VM/vCPU self-test (default true). */
  selfTest?: boolean;
  /** Upper bound on the self-test's KVM_RUN calls (default 1000 ms). */
  timeoutMs?: number;
  /** Where module parameters live (default /sys/module). */
  sysModule?: string;
  /** Test hook: "spin" makes the self-test guest loop forever to exercise the time bound. */
  selfTestGuest?: 'out-hlt' | 'spin';
}

/**
 * Asks the kernel what KVM can do on this host. The ioctls run on a worker thread; every failure
 * comes back as a KvmError (missing device, no permission, not a KVM device, addon not built).
 */
export async function probeKvm(options: ProbeKvmOptions = {}): Promise<KvmReport> {
  const devicePath = options.devicePath ?? '/dev/kvm';
  const started = performance.now();
  const addon = loadAddon();
  const [raw, nested] = await Promise.all([
    addon
      .probe({
        path: devicePath,
        selfTest: options.selfTest ?? true,
        timeoutMs: options.timeoutMs ?? 1000,
        guest: options.selfTestGuest ?? 'out-hlt',
      })
      .catch((err: unknown) => {
        throw kvmErrorFromAddon(err, devicePath);
      }),
    readNested(options.sysModule),
  ]);
  return toReport(raw, devicePath, nested, performance.now() - started);
}

function toReport(raw: RawReport, devicePath: string, nested: KvmReport['nested'], probeMs: number): KvmReport {
  return {
    devicePath,
    apiVersion: raw.apiVersion,
    capabilities: raw.capabilities.map(describeCapability),
    vcpuMmapSize: raw.vcpuMmapSize,
    cpuFeatures: decodeCpuFeatures(raw.cpuid),
    cpuidLeafCount: raw.cpuid.length,
    msrIndexCount: raw.msrIndexCount,
    nested,
    selfTest: raw.selfTest ? interpretSelfTest(raw.selfTest) : null,
    probeMs,
  };
}

function describeCapability(c: RawReport['capabilities'][number]): KvmCapability {
  return { ...c, description: capabilityInfo[c.name]?.description ?? c.name };
}
