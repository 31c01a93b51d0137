import type { OsVariant } from '../types';

/** An OS variant for tests: a current Linux with virtio drivers and both firmwares, changed by `over`. */
export const osVariant = (over: Partial<OsVariant> = {}): OsVariant => ({
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
