import { describe, expect, it } from 'vitest';
import { counterRate, vmPoint, type Sample } from './rates';
import type { DomainSnapshot } from './domain-stats';
import { snap, type FakeDomain } from './test-support/stats';

const at = (seconds: number, d: FakeDomain): Sample<DomainSnapshot> => ({ at: seconds * 1000, value: snap(d) });

const disk = (rd: bigint, extra: Partial<NonNullable<FakeDomain['disks']>[number]> = {}) => ({
  name: 'vda',
  path: '/img/a',
  rdBytes: rd,
  rdReqs: rd / 512n,
  rdTimes: (rd / 512n) * 2_000_000n,
  ...extra,
});

describe('counterRate', () => {
  it('is the increase per second, and a gap when unknown, backwards or over no time', () => {
    expect(counterRate(100, 600, 10)).toBe(50);
    expect(counterRate(600, 100, 10)).toBeNull();
    expect(counterRate(null, 100, 10)).toBeNull();
    expect(counterRate(1, 2, 0)).toBeNull();
  });
});

describe('vmPoint', () => {
  it("turns CPU time into percent of the VM's vCPUs, per vCPU and steal", () => {
    const a = at(0, {
      cpuNs: 0n,
      vcpus: [
        { timeNs: 0n, delayNs: 0n },
        { timeNs: 0n, delayNs: 0n },
      ],
    });
    // 10 s: 15 s of CPU over 2 vCPUs = 75 %; vCPU 0 busy 100 %, vCPU 1 50 %; 1 s and 3 s waiting = 10 % and 30 % steal.
    const b = at(10, {
      cpuNs: 15_000_000_000n,
      vcpus: [
        { timeNs: 10_000_000_000n, delayNs: 1_000_000_000n },
        { timeNs: 5_000_000_000n, delayNs: 3_000_000_000n },
      ],
    });
    const p = vmPoint(a, b);
    expect(p.cpu).toBeCloseTo(75);
    expect(p['vcpu/0/percent']).toBeCloseTo(100);
    expect(p['vcpu/1/percent']).toBeCloseTo(50);
    expect(p['vcpu/1/steal']).toBeCloseTo(30);
    expect(p.steal).toBeCloseTo(20);
  });

  it('computes disk throughput, IOPS and latency, and NIC rates', () => {
    const a = at(0, { disks: [disk(0n)], nics: [{ name: 'vnet1', rxBytes: 0n, txBytes: 0n, rxPkts: 0n }] });
    const b = at(2, { disks: [disk(1_048_576n)], nics: [{ name: 'vnet1', rxBytes: 2000n, txBytes: 500n, rxPkts: 20n }] });
    const p = vmPoint(a, b);
    expect(p['disk/vda/readBps']).toBe(524_288);
    expect(p['disk/vda/readIops']).toBe(1024);
    expect(p['disk/vda/readLatencyMs']).toBeCloseTo(2);
    expect(p['disk/vda/writeLatencyMs']).toBeUndefined(); // no writes: nothing to average
    expect(p['nic/vnet1/rxBps']).toBe(1000);
    expect(p['nic/vnet1/txBps']).toBe(250);
    expect(p['nic/vnet1/rxPps']).toBe(10);
  });

  it('reports memory as the guest sees it, with or without a previous sample', () => {
    const p = vmPoint(undefined, at(0, { balloon: { current: 1024n, available: 1000n, usable: 400n, rss: 2048n } }));
    expect(p).toEqual({ memBalloon: 1024 * 1024, memAvailable: 1000 * 1024, memUsed: 600 * 1024, memRss: 2048 * 1024 });
    // An older guest reports only MemFree ("unused").
    expect(vmPoint(undefined, at(0, { balloon: { available: 1000n, unused: 900n } })).memUsed).toBe(100 * 1024);
  });

  it('gives no rate for the first sample of a run: a VM that just started has no spike', () => {
    const started = at(10, { id: 8, cpuNs: 500_000_000_000n, disks: [disk(1n << 40n)] });
    expect(vmPoint(undefined, started)).toEqual({});
  });

  it('gives no rate across a restart, even when the new counters are higher than the old ones', () => {
    const before = at(0, { id: 7, cpuNs: 1_000_000_000n, disks: [disk(1000n)] });
    const after = at(10, { id: 9, cpuNs: 900_000_000_000n, disks: [disk(1n << 40n)] });
    expect(vmPoint(before, after)).toEqual({});
  });

  it('gives no rate for a counter that went backwards (a reset libvirt did not announce)', () => {
    const p = vmPoint(at(0, { cpuNs: 5_000_000_000n, disks: [disk(1_000_000n)] }), at(10, { cpuNs: 6_000_000_000n, disks: [disk(512n)] }));
    expect(p.cpu).toBeCloseTo(10);
    expect(p['disk/vda/readBps']).toBeUndefined();
  });

  it('gives no rate to a disk that appeared, and forgets one that was removed', () => {
    const a = at(0, { disks: [disk(0n)] });
    const b = at(10, { disks: [disk(10_240n), disk(99_999_999n, { name: 'vdb', path: '/img/b' })] });
    const p = vmPoint(a, b);
    expect(p['disk/vda/readBps']).toBe(1024);
    expect(Object.keys(p).some((k) => k.startsWith('disk/vdb/'))).toBe(false);
    const after = vmPoint(b, at(20, { disks: [disk(20_480n)] }));
    expect(after['disk/vda/readBps']).toBe(1024);
    expect(Object.keys(after).some((k) => k.startsWith('disk/vdb/'))).toBe(false);
  });

  it('treats a disk whose source changed (new media, a swapped volume) as a new disk', () => {
    const p = vmPoint(at(0, { disks: [disk(0n)] }), at(10, { disks: [disk(1n << 30n, { path: '/img/other' })] }));
    expect(p['disk/vda/readBps']).toBeUndefined();
  });

  it('names a NIC by its MAC and gives no rate when the tap now belongs to another NIC', () => {
    const a = at(0, { nics: [{ name: 'vnet1', rxBytes: 0n }] });
    const b = at(10, { nics: [{ name: 'vnet1', rxBytes: 1000n }] });
    a.value.nics[0]!.mac = '52:54:00:00:00:01';
    b.value.nics[0]!.mac = '52:54:00:00:00:01';
    expect(vmPoint(a, b)['nic/52:54:00:00:00:01/rxBps']).toBe(100);
    b.value.nics[0]!.mac = '52:54:00:00:00:02';
    expect(Object.keys(vmPoint(a, b)).some((k) => k.startsWith('nic/'))).toBe(false);
  });

  it('gives no rate across a long gap (libvirtd was away) nor for a stopped VM', () => {
    expect(vmPoint(at(0, { cpuNs: 0n }), at(600, { cpuNs: 600_000_000_000n })).cpu).toBeUndefined();
    expect(vmPoint(at(0, { cpuNs: 0n }), at(10, { cpuNs: 5_000_000_000n, state: 3 })).cpu).toBeCloseTo(50); // paused still counts
    expect(vmPoint(at(0, { cpuNs: 0n }), at(10, { id: -1, cpuNs: 90_000_000_000n })).cpu).toBeUndefined();
  });

  it('never yields a negative or non-finite value whatever the counters do', () => {
    const values = [0n, 1n, 5n, 1_000_000_000_000n, 3n];
    for (const x of values)
      for (const y of values) {
        const p = vmPoint(
          at(0, { cpuNs: x, disks: [disk(x)], nics: [{ name: 'vnet0', rxBytes: x }] }),
          at(10, { cpuNs: y, disks: [disk(y)], nics: [{ name: 'vnet0', rxBytes: y }] }),
        );
        for (const v of Object.values(p)) expect(Number.isFinite(v) && v >= 0).toBe(true);
      }
  });
});
