import type { NewVmDiskBus } from './constants';

// Shapes of the domain-XML model that travel beyond the server (the VM page's summary, the wizard's plan). Pure
// types: client components import them.

export interface DiskSummary {
  device: string;
  type: string;
  target: string | null;
  bus: string | null;
  format: string | null;
  /** File path, block device, or pool/volume, whichever the disk uses. */
  source: string | null;
  pool: string | null;
  volume: string | null;
  readonly: boolean;
}

export interface NicSummary {
  type: string;
  source: string | null;
  mac: string | null;
  model: string | null;
}

export interface DomainSummary {
  name: string;
  uuid: string | null;
  title: string | null;
  description: string | null;
  hypervisor: string | null;
  arch: string | null;
  machine: string | null;
  osType: string | null;
  firmware: string | null;
  directKernel: boolean;
  memoryKiB: number | null;
  currentMemoryKiB: number | null;
  vcpus: number | null;
  cpuMode: string | null;
  nvram: string | null;
  disks: DiskSummary[];
  nics: NicSummary[];
  graphics: string[];
  consoles: string[];
  emulator: string | null;
}

/** What a disk reads from: a pool's volume, a file or block device on the host, or nothing (an empty drive). */
export type DiskSourceRef = { pool: string; volume: string } | { file: string } | { dev: string } | null;

export interface PlannedDisk {
  device: 'disk' | 'cdrom';
  pool: string;
  volume: string;
  format: 'qcow2' | 'raw';
  bus: NewVmDiskBus | 'ide';
  target: string;
  bootOrder?: number;
  readonly?: boolean;
}

/** Everything the wizard decided about a new VM's definition (lib/provisioning/plan.ts builds it). */
export interface DomainPlan {
  name: string;
  uuid: string;
  title?: string;
  domainType: 'kvm' | 'qemu';
  /** The CPU a KVM guest gets (host-passthrough when absent); emulated guests get QEMU's default. */
  cpuMode?: 'host-passthrough' | 'host-model';
  /** The libosinfo id of the guest OS, recorded in the definition's metadata. */
  osinfoId?: string;
  machine: 'q35' | 'pc';
  firmware: 'bios' | 'efi';
  memoryMiB: number;
  vcpus: number;
  disks: PlannedDisk[];
  nic: { type: 'network' | 'bridge'; source: string; model: string; mac: string } | null;
  kernel?: { kernel: string; initrd?: string; cmdline: string };
}
