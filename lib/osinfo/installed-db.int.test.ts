import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '@/lib/images/catalog';
import { GENERIC_LINUX, loadOsDatabase, OSINFO_DIR, OsinfoMissingError } from './db';
import { searchVariants } from './search';

// The osinfo database Debian installs (osinfo-db, scripts/host-setup.sh), read by Vireo's own XML code: what the
// wizard offers and the defaults it takes from it. Facts below are the database's, as libosinfo resolves them.

describe('the installed osinfo database', () => {
  it('reads every OS of every vendor', async () => {
    expect(existsSync(`${OSINFO_DIR}/os`), 'osinfo-db is installed (scripts/host-setup.sh)').toBe(true);
    const db = await loadOsDatabase();
    expect(db.variants.length).toBeGreaterThan(500);
    expect(new Set(db.variants.map((v) => v.id)).size).toBe(db.variants.length);
  });

  it('resolves what an OS inherits: Debian 11 has virtio (from its ancestors) and 1 GiB minimum memory', async () => {
    const db = await loadOsDatabase();
    expect(db.byShortId.get('debian11')).toMatchObject({
      id: 'http://debian.org/debian/11',
      name: 'Debian 11',
      virtio: { disk: true, net: true },
      memory: { minimumMiB: 1024, recommendedMiB: 1024 },
      disk: { minimumGiB: 10, recommendedGiB: 20 },
      firmware: { bios: true },
    });
    expect(db.byShortId.get('debianbullseye')!.id).toBe('http://debian.org/debian/11');
  });

  it('knows Windows 11 boots only with UEFI, needs two vCPUs and 4 GiB, and has no virtio drivers of its own', async () => {
    const db = await loadOsDatabase();
    expect(db.byShortId.get('win11')).toMatchObject({
      firmware: { efi: true, bios: false },
      minimumCpus: 2,
      memory: { minimumMiB: 4096 },
      virtio: { disk: false, net: false },
    });
  });

  it('marks old releases end of life and finds what people type', async () => {
    const db = await loadOsDatabase(undefined, '2025-01-01');
    expect(db.byShortId.get('debian6')!.eol).toBe(true);
    expect(searchVariants(db.variants, 'debian 11', 5)[0]!.shortId).toBe('debian11');
    expect(searchVariants(db.variants, 'win11', 5)[0]!.shortId).toBe('win11');
    const rocky = searchVariants(db.variants, 'rocky', 50);
    expect(rocky.length).toBeGreaterThan(1);
    expect(rocky.findIndex((v) => v.eol)).not.toBe(0);
  });

  it('finds each catalog image its OS, or the generic Linux entry when this database is older than the image', async () => {
    const db = await loadOsDatabase();
    for (const e of CATALOG) {
      const v = [e.osinfo, ...GENERIC_LINUX].map((s) => db.byShortId.get(s)).find(Boolean);
      expect(v, e.id).toBeDefined();
      expect(v!.virtio.disk, e.id).toBe(true);
    }
  });

  it('says what to install when the database is missing', async () => {
    await expect(loadOsDatabase('/nonexistent/osinfo')).rejects.toThrow(OsinfoMissingError);
    await expect(loadOsDatabase('/nonexistent/osinfo')).rejects.toThrow(/install the osinfo-db package/);
  });
});
