import { describe, expect, it } from 'vitest';
import { hostRoom, judgeHost, placeVm } from './place';
import type { Candidate, HostFacts, PlacedVm, PlacementPolicy, PlacementRequest } from './types';

const GiB = 1024 ** 3;
const policy: PlacementPolicy = { cpuOvercommit: 4, antiAffinityTags: ['db'] };

const vm = (name: string, over: Partial<PlacedVm> = {}): PlacedVm => ({
  name,
  vcpus: 1,
  maxMemKiB: 1024 * 1024,
  active: true,
  autostart: false,
  tags: [],
  ...over,
});

const facts = (over: Partial<HostFacts> = {}): HostFacts => ({
  cpus: 2,
  memoryTotalBytes: 8 * GiB,
  vms: [],
  pools: [{ name: 'default', active: true, availableBytes: 100 * GiB }],
  networks: [{ name: 'default', active: true }],
  ...over,
});

const host = (id: string, f: Partial<HostFacts> = {}): Candidate => ({ host: { id, name: id.toUpperCase() }, facts: facts(f) });

const request = (over: Partial<PlacementRequest> = {}): PlacementRequest => ({
  vcpus: 1,
  memoryMiB: 1024,
  pools: ['default'],
  disk: { pool: 'default', bytes: 10 * GiB },
  networks: ['default'],
  tags: [],
  ...over,
});

describe('hostRoom', () => {
  it('reserves the memory and vCPUs of running and autostart VMs, not of stopped ones', () => {
    const room = hostRoom(
      facts({
        vms: [vm('run', { vcpus: 2 }), vm('auto', { active: false, autostart: true, maxMemKiB: 2 * 1024 * 1024 }), vm('off', { active: false, vcpus: 8 })],
      }),
      policy,
    );
    expect(room).toMatchObject({ vcpuCapacity: 8, vcpusFree: 5, memoryTotalMiB: 8192, memoryFreeMiB: 8192 - 3072 });
  });

  it('counts the maximum memory, not what a balloon left the guest', () => {
    expect(hostRoom(facts({ vms: [vm('big', { maxMemKiB: 4 * 1024 * 1024 })] }), policy).memoryFreeMiB).toBe(4096);
  });

  it('scales the vCPU capacity with the overcommit ratio', () => {
    expect(hostRoom(facts({ cpus: 3 }), { ...policy, cpuOvercommit: 1.5 }).vcpuCapacity).toBe(4);
  });
});

describe('judgeHost: each rule', () => {
  it('fits an empty host, with no reasons', () => {
    expect(judgeHost(request(), host('a'), policy)).toMatchObject({ fits: true, reasons: [] });
  });

  it('refuses memory beyond what is free after reservations, saying both figures', () => {
    const v = judgeHost(request({ memoryMiB: 2048 }), host('a', { memoryTotalBytes: 4 * GiB, vms: [vm('x', { maxMemKiB: 3 * 1024 * 1024 })] }), policy);
    expect(v.fits).toBe(false);
    expect(v.reasons).toEqual(['needs 2048 MiB of memory, 1024 MiB free after reservations of running and autostart VMs (of 4096 MiB)']);
  });

  it('takes memory that exactly fills the host', () => {
    expect(judgeHost(request({ memoryMiB: 8192 }), host('a'), policy).fits).toBe(true);
  });

  it('refuses vCPUs beyond the overcommitted capacity left', () => {
    const v = judgeHost(
      request({ vcpus: 2 }),
      host('a', {
        vms: [
          vm('x', { vcpus: 2, maxMemKiB: 1024 }),
          vm('y', { vcpus: 2, maxMemKiB: 1024, autostart: true, active: false }),
          vm('z', { vcpus: 3, maxMemKiB: 1024 }),
        ],
      }),
      policy,
    );
    expect(v.reasons).toEqual(['needs 2 vCPUs, 1 free after reservations of running and autostart VMs (8: 2 CPUs × 4 overcommit)']);
  });

  it('refuses more vCPUs than the host has logical CPUs, whatever the overcommit', () => {
    expect(judgeHost(request({ vcpus: 3 }), host('a'), policy).reasons).toEqual([
      'needs 3 vCPUs, the host has 2 logical CPUs (a VM may have at most that many)',
    ]);
  });

  it('refuses a missing pool, a stopped pool, and a disk larger than the pool has free', () => {
    expect(judgeHost(request({ pools: ['fast'], disk: { pool: 'fast', bytes: GiB } }), host('a'), policy).reasons).toEqual(["pool 'fast' missing"]);
    expect(judgeHost(request(), host('a', { pools: [{ name: 'default', active: false, availableBytes: 0 }] }), policy).reasons).toEqual([
      "pool 'default' is not running",
    ]);
    expect(judgeHost(request(), host('a', { pools: [{ name: 'default', active: true, availableBytes: 3.2 * GiB }] }), policy).reasons).toEqual([
      "needs a 10.0 GiB disk, pool 'default' has 3.2 GiB free",
    ]);
  });

  it('checks every pool the VM uses, the disk size only in the disk pool', () => {
    const pools = [
      { name: 'default', active: true, availableBytes: 100 * GiB },
      { name: 'isos', active: true, availableBytes: 0 },
    ];
    expect(judgeHost(request({ pools: ['default', 'isos'] }), host('a', { pools }), policy).fits).toBe(true);
    expect(judgeHost(request({ pools: ['default', 'isos', 'gone'] }), host('a', { pools }), policy).reasons).toEqual(["pool 'gone' missing"]);
  });

  it('refuses a missing network (a stopped one is there: the VM can start once it runs)', () => {
    expect(judgeHost(request({ networks: ['lan'] }), host('a'), policy).reasons).toEqual(["network 'lan' missing"]);
    expect(judgeHost(request(), host('a', { networks: [{ name: 'default', active: false }] }), policy).fits).toBe(true);
  });

  it('refuses a host that already has a VM with an anti-affine tag, running or not', () => {
    const v = judgeHost(
      request({ tags: ['db', 'prod'] }),
      host('a', { vms: [vm('db-2', { tags: ['db'], active: false }), vm('db-1', { tags: ['db', 'prod'] })] }),
      policy,
    );
    expect(v.reasons).toEqual(['already has db-1, db-2 tagged db (anti-affinity)']);
  });

  it('lets tags that are not anti-affine share a host', () => {
    expect(judgeHost(request({ tags: ['prod'] }), host('a', { vms: [vm('web', { tags: ['prod'] })] }), policy).fits).toBe(true);
    expect(judgeHost(request({ tags: ['db'] }), host('a', { vms: [vm('db-1', { tags: ['db'] })] }), { ...policy, antiAffinityTags: [] }).fits).toBe(true);
  });

  it('lists every reason at once', () => {
    const v = judgeHost(request({ memoryMiB: 99_999, networks: ['lan'], tags: ['db'] }), host('a', { vms: [vm('db-1', { tags: ['db'] })] }), policy);
    expect(v.reasons).toHaveLength(3);
  });

  it('judges a down host as not fitting, with why', () => {
    expect(judgeHost(request(), { host: { id: 'b', name: 'B' }, down: 'did not answer within 5 s' }, policy)).toEqual({
      host: { id: 'b', name: 'B' },
      fits: false,
      reasons: ['host down: did not answer within 5 s'],
      room: null,
    });
  });
});

describe('placeVm: the pick and its reason', () => {
  it('picks the host with the most free memory after reservations', () => {
    const p = placeVm(request(), [host('a', { vms: [vm('x', { maxMemKiB: 4 * 1024 * 1024 })] }), host('b')], policy);
    expect(p.chosen).toEqual({ id: 'b', name: 'B' });
    expect(p.hosts.map((h) => h.host.id)).toEqual(['b', 'a']);
    expect(p.reason).toBe('B has the most free memory after reservations of the 2 hosts that fit (8192 MiB and 8 vCPUs free after reservations).');
  });

  it('breaks a memory tie by free vCPUs, then by host id', () => {
    const byCpu = placeVm(request(), [host('a', { vms: [vm('x', { maxMemKiB: 0, vcpus: 2 })] }), host('b')], policy);
    expect(byCpu.chosen?.id).toBe('b');
    expect(byCpu.reason).toContain('B and A have the same free memory; B has more free vCPUs');
    const byId = placeVm(request(), [host('b'), host('a')], policy);
    expect(byId.chosen?.id).toBe('a');
    expect(byId.reason).toContain('A and B have the same free memory and vCPUs');
    expect(byId.reason).toContain('A comes first by id');
  });

  it('passes over a host that breaks anti-affinity even when it has more room', () => {
    const p = placeVm(request({ tags: ['db'] }), [host('big', { memoryTotalBytes: 64 * GiB, vms: [vm('db-1', { tags: ['db'] })] }), host('small')], policy);
    expect(p.chosen?.id).toBe('small');
    expect(p.reason).toBe('SMALL is the only one of 2 hosts that fits (8192 MiB and 8 vCPUs free after reservations).');
    expect(p.hosts[1]).toMatchObject({ host: { id: 'big' }, fits: false, reasons: ['already has db-1 tagged db (anti-affinity)'] });
  });

  it('lists a down host last, never picks it, and still picks among the others', () => {
    const down: Candidate = { host: { id: 'a', name: 'A' }, down: 'libvirtd is not reachable' };
    const p = placeVm(request(), [down, host('c', { memoryTotalBytes: GiB / 2 }), host('b')], policy);
    expect(p.chosen?.id).toBe('b');
    expect(p.hosts.map((h) => [h.host.id, h.fits])).toEqual([
      ['b', true],
      ['c', false],
      ['a', false],
    ]);
  });

  it('says why no host fits, host by host', () => {
    const p = placeVm(request({ networks: ['lan'] }), [host('a'), { host: { id: 'b', name: 'B' }, down: 'connection refused' }], policy);
    expect(p.chosen).toBeNull();
    expect(p.reason).toBe("No host fits this VM: A: network 'lan' missing. B: host down: connection refused.");
  });

  it('says when there is one host and it fits', () => {
    expect(placeVm(request(), [host('local')], policy).reason).toBe('LOCAL fits (8192 MiB and 8 vCPUs free after reservations).');
  });

  it('has nothing to pick without hosts', () => {
    expect(placeVm(request(), [], policy)).toEqual({ hosts: [], chosen: null, reason: 'There are no hosts.' });
  });
});
