import type { RawSelfTest } from './addon';
import type { KvmSelfTest } from './types';

const KVM_EXIT_IO_OUT = 1;

/** Judges the addon's raw self-test record: the exact exits the tiny guest must produce. */
export function interpretSelfTest(raw: RawSelfTest): KvmSelfTest {
  const wasIo = raw.exitName === 'KVM_EXIT_IO';
  const base = {
    timedOut: raw.timedOut,
    exitReason: raw.timedOut || raw.errno ? null : exitLabel(raw.exitName, raw.exitReason),
    secondExitReason: wasIo && !raw.timedOut && !raw.errno ? exitLabel(raw.secondExitName, raw.secondExitReason) : null,
    port: wasIo ? raw.ioPort : null,
    value: wasIo ? raw.ioValue : null,
    expectedPort: raw.expectedPort,
    expectedValue: raw.expectedValue,
    durationMs: raw.durationNs / 1e6,
    failedStage: raw.failedStage,
    errorCode: raw.code,
  };
  const problem = findProblem(raw, base);
  return { ok: problem === null, problem, ...base };
}

function exitLabel(name: string | null, reason: number): string {
  return name ?? `exit reason ${reason}`;
}

function findProblem(raw: RawSelfTest, t: Omit<KvmSelfTest, 'ok' | 'problem'>): string | null {
  if (raw.errno) return `${raw.failedStage ?? 'an ioctl'} failed with ${raw.code ?? `errno ${raw.errno}`}`;
  if (raw.timedOut) return `the vCPU did not exit within the time limit (${t.durationMs.toFixed(0)} ms)`;
  if (t.exitReason !== 'KVM_EXIT_IO') return `the first exit was ${t.exitReason}, expected KVM_EXIT_IO`;
  if (raw.ioDirection !== KVM_EXIT_IO_OUT || raw.ioSize !== 1 || raw.ioCount !== 1)
    return `the I/O exit was not a single one-byte OUT (direction ${raw.ioDirection}, size ${raw.ioSize}, count ${raw.ioCount})`;
  if (t.port !== t.expectedPort || t.value !== t.expectedValue)
    return `the guest wrote ${hex(t.value)} to port ${hex(t.port)}, expected ${hex(t.expectedValue)} to ${hex(t.expectedPort)}`;
  if (t.secondExitReason !== 'KVM_EXIT_HLT') return `after the OUT the guest exited with ${t.secondExitReason}, expected KVM_EXIT_HLT`;
  return null;
}

function hex(n: number | null): string {
  return n === null ? 'nothing' : `0x${n.toString(16)}`;
}
