import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { probeKvm } from '../../lib/kvm';
import { testSystemUri } from '../../test/support/test-libvirtd';
import { timeRuns } from '../support/samples';
import type { BenchCase } from '../types';

// The full KVM probe (capabilities, CPUID, MSRs, nested, VM self-test) next to what an admin would
// otherwise run to learn the same things: `virsh domcapabilities`, timed on the same host, same run.
const run = promisify(execFile);
const RUNS = 15;

const kvmProbe: BenchCase = async () => {
  const virsh = () => run('virsh', ['-c', testSystemUri, 'domcapabilities', '--virttype', 'kvm']);
  await probeKvm(); // load the addon and warm the page cache outside the timings
  await virsh();
  const probe = await timeRuns(RUNS, () => probeKvm());
  const selfTestOnly = (await probeKvm()).selfTest?.durationMs ?? 0;
  const anchor = await timeRuns(RUNS, virsh);
  return [
    {
      bench: 'kvm-probe',
      vireo: probe.median,
      anchor: anchor.median,
      anchorName: 'virsh domcapabilities --virttype kvm (process spawn + libvirtd round trip)',
      unit: 'ms',
      detail: {
        runs: RUNS,
        probeMinMs: round(probe.min),
        probeMaxMs: round(probe.max),
        virshMinMs: round(anchor.min),
        virshMaxMs: round(anchor.max),
        selfTestMs: round(selfTestOnly),
      },
    },
  ];
};

function round(n: number): number {
  return Number(n.toFixed(2));
}

export default kvmProbe;
