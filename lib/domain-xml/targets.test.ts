import { describe, expect, it } from 'vitest';
import { pickTarget, targetProblem, targetSuffix } from './targets';

describe('disk targets', () => {
  it('numbers like libvirt: a..z, then aa', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(targetSuffix)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba']);
  });

  it('picks the first name free in both definitions, by bus prefix', () => {
    expect(pickTarget('virtio', ['vda', 'vdb', 'sda'])).toBe('vdc');
    expect(pickTarget('scsi', ['vda', 'sda'])).toBe('sdb');
    expect(pickTarget('sata', ['sdb'])).toBe('sda');
    expect(pickTarget('usb', [])).toBe('sda');
    expect(pickTarget('ide', ['hda', 'hdb', 'hdc'])).toBe('hdd');
    expect(pickTarget('ide', ['hda', 'hdb', 'hdc', 'hdd'])).toBeNull();
  });

  it('refuses names in use, of another bus, or malformed', () => {
    expect(targetProblem('vdb', 'virtio', ['vda'])).toBeNull();
    expect(targetProblem('vda', 'virtio', ['vda'])).toMatch(/already used/);
    expect(targetProblem('sdb', 'virtio', [])).toMatch(/named vd/);
    expect(targetProblem('hde', 'ide', [])).toMatch(/hda to hdd/);
    expect(targetProblem('vd1', 'virtio', [])).toMatch(/not a disk name/);
    expect(targetProblem('../vda', 'virtio', [])).toMatch(/not a disk name/);
  });
});
