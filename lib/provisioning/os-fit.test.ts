import { describe, expect, it } from 'vitest';
import { osVariant } from '@/lib/osinfo/test-support/variant';
import { osFit } from './os-fit';
import { createVmSpecSchema } from './spec';

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
    expect(osFit(osVariant(), spec(), 20)).toEqual({ warnings: [], fields: {} });
  });

  it('warns of too little memory, too few vCPUs, too small a disk, and virtio without drivers', () => {
    const fit = osFit(
      osVariant({ virtio: { disk: false, net: false }, minimumCpus: 2 }),
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
    const fit = osFit(osVariant({ firmware: { efi: true, bios: false } }), spec({ storage: { pool: 'p', sizeGiB: 1 } }), null);
    expect(fit.fields).toEqual({ 'os.firmware': 'Example OS 1 does not start with BIOS: choose UEFI.' });
    expect(fit.warnings).toEqual([]);
  });
});
