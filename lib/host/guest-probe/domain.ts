import { Controller } from '@/lib/domain-xml/controller';
import type { GuestCpuMode } from '@/lib/domain-xml/cpu';
import { Disk } from '@/lib/domain-xml/disk';
import { Domain } from '@/lib/domain-xml/domain';
import { mibToKiB } from '@/lib/domain-xml/units';

// The probe guest: what a new VM of the wizard would be as far as starting goes (domain type, CPU mode, q35), and
// nothing else — one vCPU, a little memory, no display, no USB, no balloon, and at most the boot-sector disk.

/** Transient probe domains are named so, and never defined: a stray one is visibly Vireo's. */
export const PROBE_NAME_PREFIX = 'vireo-guest-probe-';

export interface ProbeDomainSpec {
  name: string;
  uuid: string;
  type: 'kvm' | 'qemu';
  /** The CPU the wizard would give a KVM guest; null under emulation (QEMU's default model). */
  cpuMode: GuestCpuMode | null;
  /** The volume holding the boot sector; null when none could be made (the probe then only starts the guest). */
  disk: { pool: string; volume: string } | null;
}

const MEMORY_MIB = 64;

export function probeDomainXml(p: ProbeDomainSpec): string {
  const d = Domain.create(p.type, p.name, p.uuid);
  d.title = 'Vireo readiness probe (temporary)';
  d.memory.maximumKiB = mibToKiB(MEMORY_MIB);
  d.memory.currentKiB = mibToKiB(MEMORY_MIB);
  d.cpu.vcpus = 1;
  d.os.type = 'hvm';
  d.os.arch = 'x86_64';
  d.os.machine = 'q35';
  d.acpi = true;
  d.apic = true;
  if (p.type === 'kvm' && p.cpuMode) d.cpu.useGuestMode(p.cpuMode);
  d.onPoweroff = 'destroy';
  d.onReboot = 'destroy';
  d.onCrash = 'destroy';
  if (p.disk) {
    const disk = d.add(Disk.create({ device: 'disk', target: 'vda', bus: 'virtio', format: 'raw', source: p.disk }));
    disk.readonly = true;
    disk.bootOrder = 1;
  }
  d.add(Controller.create({ type: 'usb', model: 'none' }));
  d.memballoon.model = 'none';
  return d.toXml(true);
}
