import { describe, expect, it } from 'vitest';
import { CATALOG, catalogEntry } from './catalog';
import { checkImageUrl } from './url';

describe('image catalog', () => {
  it('has the promised distributions, each with a unique id', () => {
    const ids = CATALOG.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const family of ['debian', 'ubuntu', 'fedora', 'rhel', 'alpine']) expect(CATALOG.some((e) => e.osFamily === family)).toBe(true);
    expect(catalogEntry('debian-12')?.defaultUser).toBe('debian');
    expect(catalogEntry('nope')).toBeNull();
    expect(CATALOG.map((e) => e.osinfo)).toEqual(['debian12', 'debian13', 'ubuntu24.04', 'ubuntu22.04', 'fedora41', 'rocky9', 'almalinux9', 'alpinelinux3.20']);
  });

  it('points at https addresses the downloader accepts, checksum lists beside the image naming that image', () => {
    for (const e of CATALOG) {
      expect(checkImageUrl(e.url).protocol).toBe('https:');
      if (!('checksumUrl' in e.checksum)) throw new Error(`${e.id} has no checksum source`);
      const sums = checkImageUrl(e.checksum.checksumUrl);
      expect(sums.host).toBe(new URL(e.url).host);
      expect(e.url.endsWith(`/${e.checksum.fileName}`)).toBe(true);
      expect(e.minDiskGiB).toBeGreaterThan(0);
    }
  });
});
