import { describe, expect, it } from 'vitest';
import { isActive, parseDomainStats } from './domain-stats';
import { fakeStats } from './test-support/stats';

describe('parseDomainStats', () => {
  it('reads counters, vCPUs, disks and NICs out of the flat parameters', () => {
    const s = parseDomainStats(
      fakeStats({
        cpuNs: 3_420_751_000n,
        vcpus: [{ timeNs: 2_450_000_000n, delayNs: 976_334_840n }, { timeNs: 770_000_000n }],
        balloon: { current: 196608n, maximum: 196608n, available: 157832n, usable: 131392n, rss: 244904n },
        disks: [{ name: 'vda', path: '/var/lib/libvirt/images/a.raw', rdBytes: 4608n, rdReqs: 2n }],
        nics: [{ name: 'vnet76', rxBytes: 180n, rxPkts: 2n }],
      }),
    );
    expect(s).toMatchObject({ name: 'vm1', id: 7, state: 1, cpuTimeNs: 3_420_751_000, vcpuCurrent: 2 });
    expect(s.vcpus).toEqual([
      { index: 0, state: 1, timeNs: 2_450_000_000, delayNs: 976_334_840, waitNs: null },
      { index: 1, state: 1, timeNs: 770_000_000, delayNs: null, waitNs: null },
    ]);
    expect(s.balloon).toMatchObject({ currentKiB: 196608, availableKiB: 157832, usableKiB: 131392, unusedKiB: null, rssKiB: 244904 });
    expect(s.disks).toEqual([expect.objectContaining({ name: 'vda', path: '/var/lib/libvirt/images/a.raw', rdBytes: 4608, rdReqs: 2, wrBytes: null })]);
    expect(s.nics).toEqual([expect.objectContaining({ name: 'vnet76', rxBytes: 180, txBytes: null })]);
    expect(isActive(s)).toBe(true);
  });

  it('treats a shut-off domain as inactive and skips devices without a name', () => {
    const stats = fakeStats({ id: -1, disks: [{ name: 'vda' }] });
    stats.params['block.count'] = 2; // the second entry has no name: an empty slot, not a device
    const s = parseDomainStats(stats);
    expect(isActive(s)).toBe(false);
    expect(s.disks.map((d) => d.name)).toEqual(['vda']);
  });

  it('refuses absurd counts instead of looping over them', () => {
    const stats = fakeStats({});
    stats.params['block.count'] = 4_000_000_000n;
    stats.params['net.count'] = -3;
    const s = parseDomainStats(stats);
    expect(s.disks).toEqual([]);
    expect(s.nics).toEqual([]);
  });
});
