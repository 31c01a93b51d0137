import type { RawCpuidLeaf, RawSelfTest } from '../addon';
import type { KvmReport, KvmSelfTest } from '../types';

/** A CPUID leaf with only the given registers set; tests write the register values by hand. */
export function leaf(fn: number, index: number, regs: Partial<Omit<RawCpuidLeaf, 'function' | 'index'>>): RawCpuidLeaf {
  return { function: fn, index, flags: 0, eax: 0, ebx: 0, ecx: 0, edx: 0, ...regs };
}

/** The raw self-test record of a guest that did exactly what it should. */
export function goodRawSelfTest(over: Partial<RawSelfTest> = {}): RawSelfTest {
  return {
    errno: 0,
    code: null,
    failedStage: null,
    timedOut: false,
    exitReason: 2,
    exitName: 'KVM_EXIT_IO',
    ioDirection: 1,
    ioSize: 1,
    ioPort: 0x10,
    ioCount: 1,
    ioValue: 0x2a,
    secondExitReason: 5,
    secondExitName: 'KVM_EXIT_HLT',
    durationNs: 1_500_000,
    expectedPort: 0x10,
    expectedValue: 0x2a,
    ...over,
  };
}

/** What a self-test guest that wrote 0x2a to port 0x10 and then halted reports, whatever its timings. */
export const goodSelfTestOutcome = {
  ok: true,
  problem: null,
  timedOut: false,
  exitReason: 'KVM_EXIT_IO',
  secondExitReason: 'KVM_EXIT_HLT',
  port: 0x10,
  value: 0x2a,
} satisfies Partial<KvmSelfTest>;

/** A healthy host's report, as a plain object literal (not produced by the code under test). */
export function healthyReport(over: Partial<KvmReport> = {}): KvmReport {
  const cap = (name: string, number: number, value: number) => ({ name, number, value, description: name });
  return {
    devicePath: '/dev/kvm',
    apiVersion: 12,
    capabilities: [
      cap('NR_VCPUS', 9, 8),
      cap('MAX_VCPUS', 66, 1024),
      cap('NR_MEMSLOTS', 10, 32764),
      cap('USER_MEMORY', 3, 1),
      cap('SYNC_MMU', 16, 1),
      cap('IRQCHIP', 0, 1),
      cap('IRQ_ROUTING', 25, 4096),
      cap('IRQFD', 32, 1),
      cap('IOEVENTFD', 36, 1),
      cap('EXT_CPUID', 7, 1),
      cap('IMMEDIATE_EXIT', 136, 1),
      cap('DIRTY_LOG_RING', 192, 65536),
    ],
    vcpuMmapSize: 12288,
    cpuFeatures: [
      { name: 'lm', leaf: 0x80000001, subleaf: 0, register: 'edx', bit: 29 },
      { name: 'avx', leaf: 1, subleaf: 0, register: 'ecx', bit: 28 },
    ],
    cpuidLeafCount: 50,
    msrIndexCount: 40,
    nested: { module: 'kvm_intel', enabled: true, kvmModules: ['kvm', 'kvm_intel'] },
    selfTest: {
      ...goodSelfTestOutcome,
      expectedPort: 0x10,
      expectedValue: 0x2a,
      durationMs: 1.5,
      failedStage: null,
      errorCode: null,
    },
    probeMs: 5,
    ...over,
  };
}
