import type { OsVariant } from '@/lib/osinfo/types';
import type { CreateVmSpec } from './spec';

// Whether the settings suit the guest OS the user picked, by what the osinfo database says of it: too little
// memory or disk, devices it has no drivers for, a firmware it cannot boot with.

export interface OsFit {
  warnings: string[];
  fields: Record<string, string>;
}

export function osFit(os: OsVariant, spec: CreateVmSpec, newDiskGiB: number | null): OsFit {
  const warnings: string[] = [];
  const fields: Record<string, string> = {};
  const { minimumMiB } = os.memory;
  if (minimumMiB && spec.resources.memoryMiB < minimumMiB) {
    warnings.push(`${os.name} needs at least ${minimumMiB} MiB of memory; this VM gets ${spec.resources.memoryMiB} MiB.`);
  }
  if (os.minimumCpus && spec.resources.vcpus < os.minimumCpus) warnings.push(`${os.name} needs at least ${os.minimumCpus} vCPUs.`);
  const minDisk = os.disk.minimumGiB;
  if (minDisk && newDiskGiB !== null && newDiskGiB > 0 && newDiskGiB < minDisk) {
    warnings.push(`${os.name} needs a disk of at least ${minDisk} GiB; this one has ${newDiskGiB} GiB.`);
  }
  if (spec.storage.bus === 'virtio' && !os.virtio.disk) {
    warnings.push(`${os.name} has no virtio disk driver, so it may not find its disk: choose SATA on the Storage step.`);
  }
  if (spec.network.type !== 'none' && spec.network.model === 'virtio' && !os.virtio.net) {
    warnings.push(`${os.name} has no virtio network driver: choose e1000e on the Network step.`);
  }
  if (spec.os.firmware === 'bios' && !os.firmware.bios) fields['os.firmware'] = `${os.name} does not start with BIOS: choose UEFI.`;
  return { warnings, fields };
}
