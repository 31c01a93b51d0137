import { describe, expect, it } from 'vitest';
import { Disk } from './disk';
import type { DiskSourceRef } from './types';
import { diskVolume, type VolumeLookup } from './volume';

class LibvirtError extends Error {
  override name = 'LibvirtError';
}

const lookup: VolumeLookup<string, string> = {
  pools: { lookupByName: async (n) => (n === 'default' ? 'pool:default' : Promise.reject(new LibvirtError(`no pool ${n}`))) },
  volumes: {
    lookupByName: async (p, n) => (n === 'a.qcow2' ? `${p}/${n}` : Promise.reject(new LibvirtError('no volume'))),
    lookupByPath: async (path) => (path.startsWith('/var/lib/libvirt/images/') ? `path:${path}` : Promise.reject(new LibvirtError('no volume for path'))),
  },
};

const disk = (source: DiskSourceRef) => Disk.create({ device: 'disk', target: 'vda', bus: 'virtio', format: 'raw', source });

describe('diskVolume', () => {
  it('finds a disk volume by pool/volume or by path; none outside pools or for an empty drive', async () => {
    expect(await diskVolume(lookup, disk({ pool: 'default', volume: 'a.qcow2' }))).toBe('pool:default/a.qcow2');
    expect(await diskVolume(lookup, disk({ file: '/var/lib/libvirt/images/b.img' }))).toBe('path:/var/lib/libvirt/images/b.img');
    expect(await diskVolume(lookup, disk({ dev: '/dev/sdz' }))).toBeNull();
    expect(await diskVolume(lookup, disk({ pool: 'gone', volume: 'a.qcow2' }))).toBeNull();
    expect(await diskVolume(lookup, disk(null))).toBeNull();
  });

  it('throws on what is not libvirt saying no (a lost connection)', async () => {
    const broken = { ...lookup, pools: { lookupByName: () => Promise.reject(new Error('connection closed')) } };
    await expect(diskVolume(broken, disk({ pool: 'default', volume: 'a.qcow2' }))).rejects.toThrow('connection closed');
  });
});
