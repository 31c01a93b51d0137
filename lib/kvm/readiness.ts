import { capabilityInfo } from './capabilities';
import { fixFor, KvmError } from './errors';
import type { KvmReport } from './types';

export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface ReadinessCheck {
  id: 'device' | 'api-version' | 'capabilities' | 'vcpus' | 'cpu-features' | 'nested' | 'self-test';
  title: string;
  status: CheckStatus;
  /** What was found, in plain words. */
  detail: string;
  /** What an administrator does about it; null when nothing is needed. */
  fix: string | null;
  /** The check could not find out (a warning for not knowing, not for a known lack). */
  unknown?: true;
}

export type ReadinessInput = { report: KvmReport } | { error: unknown };

const SELF_TEST_SCOPE = 'The self-test proves the KVM ioctl path (VM, vCPU, KVM_RUN, an I/O exit), not that a full guest boots.';

/** Turns a probe result (or the error that replaced it) into the checks the readiness page lists. */
export function evaluateReadiness(input: ReadinessInput): ReadinessCheck[] {
  if ('error' in input) return [deviceFailure(input.error)];
  const r = input.report;
  return [
    { id: 'device', title: 'KVM device', status: 'pass', detail: `${r.devicePath} opened read-write`, fix: null },
    apiVersionCheck(r),
    capabilitiesCheck(r),
    vcpusCheck(r),
    cpuFeaturesCheck(r),
    nestedCheck(r),
    selfTestCheck(r),
  ];
}

function deviceFailure(error: unknown): ReadinessCheck {
  if (!(error instanceof KvmError)) {
    return {
      id: 'device',
      title: 'KVM device',
      status: 'fail',
      detail: `the probe failed: ${String(error)}`,
      fix: 'Report this as a bug with the server log.',
    };
  }
  const id = error.code === 'KVM_API_VERSION' ? 'api-version' : 'device';
  return { id, title: id === 'device' ? 'KVM device' : 'KVM API version', status: 'fail', detail: error.reason, fix: fixFor(error.code) };
}

function apiVersionCheck(r: KvmReport): ReadinessCheck {
  // The addon refuses any other version, so a report always carries 12.
  return { id: 'api-version', title: 'KVM API version', status: 'pass', detail: `API version ${r.apiVersion}`, fix: null };
}

function capabilitiesCheck(r: KvmReport): ReadinessCheck {
  const present = new Map(r.capabilities.map((c) => [c.name, c.value]));
  const missing = (pick: (i: (typeof capabilityInfo)[string]) => boolean | undefined) =>
    Object.entries(capabilityInfo)
      .filter(([name, info]) => pick(info) && present.has(name) && !present.get(name))
      .map(([name]) => name);
  const required = missing((i) => i.required);
  const recommended = missing((i) => i.recommended);
  const title = 'KVM capabilities';
  if (required.length)
    return {
      id: 'capabilities',
      title,
      status: 'fail',
      detail: `missing: ${required.join(', ')}`,
      fix: 'Upgrade the kernel; QEMU/libvirt guests need these capabilities.',
    };
  if (recommended.length)
    return {
      id: 'capabilities',
      title,
      status: 'warn',
      detail: `missing recommended: ${recommended.join(', ')}`,
      fix: 'A newer kernel adds them; guests run without them but slower or with fewer features.',
    };
  return {
    id: 'capabilities',
    title,
    status: 'pass',
    detail: `${r.capabilities.filter((c) => c.value).length} of ${r.capabilities.length} checked capabilities present`,
    fix: null,
  };
}

function capValue(r: KvmReport, name: string): number | undefined {
  return r.capabilities.find((c) => c.name === name)?.value;
}

function vcpusCheck(r: KvmReport): ReadinessCheck {
  const recommended = capValue(r, 'NR_VCPUS') ?? 0;
  const max = capValue(r, 'MAX_VCPUS') || recommended; // the kernel says: MAX_VCPUS 0 means use NR_VCPUS
  const slots = capValue(r, 'NR_MEMSLOTS') ?? 0;
  const detail = `up to ${max} vCPUs per VM (${recommended} recommended), ${slots} memory slots`;
  if (max < 1) return { id: 'vcpus', title: 'vCPUs and memory slots', status: 'fail', detail, fix: 'Upgrade the kernel.' };
  return { id: 'vcpus', title: 'vCPUs and memory slots', status: 'pass', detail, fix: null };
}

function cpuFeaturesCheck(r: KvmReport): ReadinessCheck {
  const names = new Set(r.cpuFeatures.map((f) => f.name));
  const title = 'CPU features for guests';
  const shown = ['lm', 'nx', 'sse4_2', 'avx', 'avx2', 'aes', 'vmx', 'svm'].filter((n) => names.has(n));
  const detail = `${names.size} features offered to guests${shown.length ? `, including ${shown.join(', ')}` : ''}`;
  if (!names.has('lm'))
    return { id: 'cpu-features', title, status: 'warn', detail: `${detail}; no long mode (lm): only 32-bit guests`, fix: 'Use a 64-bit host CPU and kernel.' };
  return { id: 'cpu-features', title, status: 'pass', detail, fix: null };
}

function nestedCheck(r: KvmReport): ReadinessCheck {
  const { module, enabled, kvmModules } = r.nested;
  const title = 'Nested virtualization';
  if (module === null)
    return {
      id: 'nested',
      title,
      status: 'warn',
      detail: `nested support unknown: neither kvm_intel nor kvm_amd is loaded (loaded: ${kvmModules.join(', ') || 'none'})`,
      fix: 'Only needed to run hypervisors inside guests. On a normal host, load kvm_intel or kvm_amd.',
      unknown: true,
    };
  if (enabled === true) return { id: 'nested', title, status: 'pass', detail: `${module} nested=on: guests can run their own VMs`, fix: null };
  const fix =
    `Only needed for hypervisors inside guests: \`echo "options ${module} nested=1" > /etc/modprobe.d/${module}.conf\`, then reload ${module} ` +
    `with no VMs running.`;
  if (enabled === null)
    return {
      id: 'nested',
      title,
      status: 'warn',
      detail: `${module} is loaded but its nested setting could not be read: nested support unknown`,
      fix,
      unknown: true,
    };
  return { id: 'nested', title, status: 'warn', detail: `${module} nested=off: guests cannot run their own VMs`, fix };
}

function selfTestCheck(r: KvmReport): ReadinessCheck {
  const title = 'KVM self-test';
  const t = r.selfTest;
  if (!t) return { id: 'self-test', title, status: 'warn', detail: `not run. ${SELF_TEST_SCOPE}`, fix: 'Run the probe with the self-test.' };
  if (t.ok)
    return {
      id: 'self-test',
      title,
      status: 'pass',
      detail:
        `a one-vCPU VM wrote 0x${t.expectedValue.toString(16)} to port 0x${t.expectedPort.toString(16)} and halted in ${t.durationMs.toFixed(1)} ms. ` +
        `${SELF_TEST_SCOPE}`,
      fix: null,
    };
  return {
    id: 'self-test',
    title,
    status: 'fail',
    detail: `${t.problem}. ${SELF_TEST_SCOPE}`,
    fix: 'Guests will be created with software emulation (domain type qemu) until this passes; check `dmesg` for KVM errors.',
  };
}

export interface DomainTypeDecision {
  type: 'kvm' | 'qemu';
  /** Shown to the user when guests fall back to (much slower) software emulation. */
  warning: string | null;
}

/** The new-VM wizard's choice: hardware KVM when the self-test passed, else TCG emulation. */
export function chooseDomainType(checks: readonly ReadinessCheck[], opts: { forceEmulation?: boolean } = {}): DomainTypeDecision {
  if (opts.forceEmulation) return { type: 'qemu', warning: 'Software emulation is forced by the settings; guests run much slower than with KVM.' };
  const selfTest = checks.find((c) => c.id === 'self-test');
  if (selfTest?.status === 'pass') return { type: 'kvm', warning: null };
  const failed = checks.find((c) => c.status === 'fail');
  const why = failed ? failed.detail : 'the KVM self-test did not run';
  return { type: 'qemu', warning: `KVM is not usable (${why}); guests will use software emulation and run much slower.` };
}
