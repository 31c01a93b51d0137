import { describe, expect, it } from 'vitest';
import { describeJob, formatBytes, jobFraction } from './words';
import { withDiskPaths } from './rewrite';
import { jobStatsOf } from '@/lib/libvirt/api/migration';

describe('migration progress in words', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(32 * 1024 * 1024)).toBe('32.0 MiB');
    expect(formatBytes(8 * 1024 ** 4)).toBe('8.0 TiB');
  });

  it('takes the fraction from what is left of the total, or of processed + remaining', () => {
    expect(jobFraction({ dataTotal: 200, dataProcessed: 150, dataRemaining: 50 })).toBe(0.75);
    expect(jobFraction({ dataTotal: null, dataProcessed: 30, dataRemaining: 10 })).toBe(0.75);
    expect(jobFraction({ dataTotal: null, dataProcessed: null, dataRemaining: null })).toBe(0);
  });

  it('says what was sent, what is left, the dirty rate and the expected downtime', () => {
    const s = jobStatsOf(2, [
      { field: 'data_processed', value: { type: 4, ul: 412n * 1024n * 1024n } },
      { field: 'data_remaining', value: { type: 4, ul: 96n * 1024n * 1024n } },
      { field: 'memory_dirty_rate', value: { type: 4, ul: 1200n } },
      { field: 'memory_iteration', value: { type: 4, ul: 2n } },
      { field: 'downtime', value: { type: 4, ul: 300n } },
    ]);
    expect(describeJob(s)).toBe('412 MiB sent, 96.0 MiB left, dirtying 1200 pages/s, pass 2, expected downtime 300 ms');
  });
});

describe('withDiskPaths', () => {
  const xml = `<domain type='qemu'><name>a</name><devices>
  <disk type='file' device='disk'><source file='/src/a.raw'/><target dev='vda' bus='virtio'/></disk>
  <disk type='file' device='cdrom'><source file='/iso/x.iso'/><target dev='sda' bus='sata'/><readonly/></disk>
</devices></domain>`;

  it('points only the mapped disks at their new paths and leaves the rest as written', () => {
    const out = withDiskPaths(xml, new Map([['/src/a.raw', '/dst/a.raw']]));
    expect(out).toContain("file='/dst/a.raw'".replace(/'/g, '"'));
    expect(out).toContain('/iso/x.iso');
    expect(out).not.toContain('/src/a.raw');
    expect(withDiskPaths(xml, new Map())).toBe(xml);
  });
});
