import type { CpuFeature } from './cpuid';
import type { NestedInfo } from './nested';

export interface KvmCapability {
  /** As in <linux/kvm.h> without the prefix, e.g. "MAX_VCPUS". */
  name: string;
  /** The KVM_CAP_* number. */
  number: number;
  /** What KVM_CHECK_EXTENSION returned: 0 absent, otherwise present or a count. */
  value: number;
  description: string;
}

export interface KvmSelfTest {
  /** The guest wrote the expected byte to the expected port, then halted. */
  ok: boolean;
  /** Why not, in plain words; null when ok. */
  problem: string | null;
  timedOut: boolean;
  /** e.g. "KVM_EXIT_IO"; null when no exit happened. */
  exitReason: string | null;
  /** The exit after resuming past the OUT instruction, expected "KVM_EXIT_HLT". */
  secondExitReason: string | null;
  port: number | null;
  value: number | null;
  expectedPort: number;
  expectedValue: number;
  /** From KVM_CREATE_VM to the last exit, including VM teardown only in the caller's view. */
  durationMs: number;
  /** Set when an ioctl of the self-test failed: which one and its errno name. */
  failedStage: string | null;
  errorCode: string | null;
}

export interface KvmReport {
  devicePath: string;
  apiVersion: number;
  capabilities: KvmCapability[];
  vcpuMmapSize: number;
  /** Features KVM can offer guests (KVM_GET_SUPPORTED_CPUID), not the host's own list. */
  cpuFeatures: CpuFeature[];
  cpuidLeafCount: number;
  msrIndexCount: number;
  nested: NestedInfo;
  /** null when the caller asked for no self-test. */
  selfTest: KvmSelfTest | null;
  /** Wall time of the whole probe, including the hop to the worker thread. */
  probeMs: number;
}
