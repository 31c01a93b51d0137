import { describe, expect, it } from 'vitest';
import type { OsVariant } from '@/lib/osinfo/types';
import { osFit } from './os-fit';
import { createVmSpecSchema } from './spec';

const os = (over: Partial<OsVariant> = {}): OsVariant => ({
  id: 'http://example.org/os/1',
  shortId: 'ex1',
  name: 'Example OS 1',
  vendor: null,
  family: 'linux',
  releaseDate: null,
  eol: false,
  virtio: { disk: true, net: true },
  memory: { minimumMiB: 1024, recommendedMiB: 2048 },
  disk: { minimumGiB: 10, recommendedGiB: 20 },
  minimumCpus: 1,
  firmware: { efi: true, bios: true },
  ...over,
});

const spec = (over: Record<string, unknown> = {}) =>
  createVmSpecSchema.parse({
    name: 'vm',
    source: { kind: 'iso', iso: { pool: 'p', volume: 'i.iso' } },
    resources: { vcpus: 1, memoryMiB: 2048 },
    storage: { pool: 'p', sizeGiB: 20 },
    network: { type: 'network', network: 'default' },
    ...over,
  });

describe('osFit', () => {
  it('says nothing when the settings suit the OS', () => {
    expect(osFit(os(), spec(), 20)).toEqual({ warnings: [], fields: {} });
  });

  it('warns of too little memory, too few vCPUs, too small a disk, and virtio without drivers', () => {
    const fit = osFit(
      os({ virtio: { disk: false, net: false }, minimumCpus: 2 }),
      spec({ resources: { vcpus: 1, memoryMiB: 512 }, storage: { pool: 'p', sizeGiB: 4 } }),
      4,
    );
    expect(fit.warnings).toEqual([
      'Example OS 1 needs at least 1024 MiB of memory; this VM gets 512 MiB.',
      'Example OS 1 needs at least 2 vCPUs.',
      'Example OS 1 needs a disk of at least 10 GiB; this one has 4 GiB.',
      'Example OS 1 has no virtio disk driver, so it may not find its disk: choose SATA on the Storage step.',
      'Example OS 1 has no virtio network driver: choose e1000e on the Network step.',
    ]);
    expect(fit.fields).toEqual({});
  });

  it('refuses BIOS for an OS that only boots with UEFI, and says nothing of a disk it does not make', () => {
    const fit = osFit(os({ firmware: { efi: true, bios: false } }), spec({ storage: { pool: 'p', sizeGiB: 1 } }), null);
    expect(fit.fields).toEqual({ 'os.firmware': 'Example OS 1 does not start with BIOS: choose UEFI.' });
    expect(fit.warnings).toEqual([]);
  });
});
