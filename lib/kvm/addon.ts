import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { KvmError } from './errors';

/** What native/src/addon.cc resolves with; lib/kvm/probe.ts turns it into a KvmReport. */
export interface RawCpuidLeaf {
  function: number;
  index: number;
  flags: number;
  eax: number;
  ebx: number;
  ecx: number;
  edx: number;
}

export interface RawSelfTest {
  errno: number;
  code: string | null;
  failedStage: string | null;
  timedOut: boolean;
  exitReason: number;
  exitName: string | null;
  ioDirection: number;
  ioSize: number;
  ioPort: number;
  ioCount: number;
  ioValue: number;
  secondExitReason: number;
  secondExitName: string | null;
  durationNs: number;
  expectedPort: number;
  expectedValue: number;
}

export interface RawReport {
  apiVersion: number;
  capabilities: { name: string; number: number; value: number }[];
  vcpuMmapSize: number;
  cpuid: RawCpuidLeaf[];
  msrIndexCount: number;
  selfTest: RawSelfTest | null;
}

export interface RawProbeOptions {
  path: string;
  selfTest?: boolean;
  timeoutMs?: number;
  /** "spin" runs `jmp $` instead of the OUT/HLT program; only tests use it, to prove the time bound. */
  guest?: 'out-hlt' | 'spin';
}

export interface KvmAddon {
  probe(options: RawProbeOptions): Promise<RawReport>;
}

/** Shape of the Error the addon rejects with. */
export interface RawProbeError extends Error {
  errno: number;
  code: string;
  syscall: string;
  path: string;
}

const defaultAddonPath = fileURLToPath(new URL('../../native/build/Release/vireo_kvm.node', import.meta.url));

let cached: KvmAddon | undefined;

/**
 * Loads the compiled addon once. A missing or unloadable build is a KvmError, so callers handle
 * it like any other reason KVM is unavailable. VIREO_KVM_ADDON overrides the location.
 */
export function loadAddon(addonPath = process.env.VIREO_KVM_ADDON ?? defaultAddonPath): KvmAddon {
  if (cached && addonPath === defaultAddonPath) return cached;
  let addon: KvmAddon;
  try {
    addon = createRequire(import.meta.url)(addonPath) as KvmAddon;
  } catch (err) {
    throw new KvmError({
      code: 'ADDON_NOT_BUILT',
      errno: 0,
      syscall: 'dlopen',
      devicePath: addonPath,
      detail: (err as Error).message.split('\n')[0] ?? String(err),
      cause: err,
    });
  }
  if (addonPath === defaultAddonPath) cached = addon;
  return addon;
}
