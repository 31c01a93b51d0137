import { describe, expect, it } from 'vitest';
import { isImage, usersText, volumeOptionLabel, volumeSize } from './volume-label';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

describe('volume labels in pickers', () => {
  it('gives an ISO of a few hundred MiB its size, not "0.0 GiB"', () => {
    expect(volumeSize({ name: 'netinst.iso', format: 'raw', capacity: 364 * MiB, allocation: 364 * MiB })).toBe('364 MiB');
  });
  it('says what a thin image occupies on disk', () => {
    expect(volumeSize({ name: 'vm.qcow2', format: 'qcow2', capacity: 20 * GiB, allocation: 1.2 * GiB })).toBe('20.0 GiB, 1.2 GiB on disk');
  });
  it('marks base images and users', () => {
    const v = {
      name: 'debian.qcow2',
      format: 'qcow2',
      capacity: 2 * GiB,
      allocation: 2 * GiB,
      base: true,
      usedBy: [
        { kind: 'overlay' as const, pool: 'default', volume: 'web1.qcow2', path: null },
        { kind: 'vm' as const, name: 'web2', running: true, targets: ['vda'] },
      ],
    };
    expect(usersText(v)).toBe('in use by default/web1.qcow2, web2');
    expect(volumeOptionLabel(v, 'default/')).toBe('default/debian.qcow2 (qcow2, 2.0 GiB) — base image — in use by default/web1.qcow2, web2');
    expect(volumeOptionLabel({ name: 'free.img', format: null, capacity: 1024, allocation: null })).toBe('free.img (1.0 KiB)');
  });
  it('does not offer a directory of the pool as an image', () => {
    expect(isImage({ name: 'sub', format: null, capacity: 0, allocation: 0, type: 'dir' })).toBe(false);
    expect(isImage({ name: 'a.iso', format: 'raw', capacity: 1, allocation: 1, type: 'file' })).toBe(true);
  });
});
