import { describe, expect, it } from 'vitest';
import { kibToMiB, mibToKiB, toKiB } from './units';

describe('units', () => {
  it('converts libvirt units to KiB (absent = KiB; decimal units as libvirt)', () => {
    expect([toKiB(512, 'MiB'), toKiB(1, 'G'), toKiB(2048, null), toKiB(1024, 'b'), toKiB(1, 'MB'), toKiB(1, 'TiB')]).toEqual([
      524288,
      1048576,
      2048,
      1,
      977,
      1024 ** 3,
    ]);
    expect([mibToKiB(2), kibToMiB(1536)]).toEqual([2048, 2]);
  });
});
