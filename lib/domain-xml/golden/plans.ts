import type { DomainPlan } from '../types';

// What the wizard plans for each kind of source (lib/provisioning/plan.ts), as fixed values: the "vireo-*" golden
// inputs are these plans built by the wizard's builder.

const FIXTURES = '/var/lib/libvirt/images/vireo-fixtures';
const identity = { uuid: '6f1c1a52-3a33-4f0e-9d1e-2f6f2d0f5b11', mac: '52:54:00:aa:bb:cc' };

/**
 * A VM from a cloud image as the wizard plans it: its qcow2 overlay on virtio boots first, its NoCloud seed is a
 * CD-ROM on `seedBus`, one virtio NIC on the default network; `plan` holds the rest.
 */
export function cloudImagePlan(seedBus: 'scsi' | 'sata', mac: string, plan: Omit<DomainPlan, 'disks' | 'nic'>): DomainPlan {
  return {
    ...plan,
    disks: [
      { device: 'disk', pool: 'default', volume: `${plan.name}.qcow2`, format: 'qcow2', bus: 'virtio', target: 'vda', bootOrder: 1 },
      { device: 'cdrom', pool: 'default', volume: `${plan.name}-seed.iso`, format: 'raw', bus: seedBus, target: 'sda' },
    ],
    nic: { type: 'network', source: 'default', model: 'virtio', mac },
  };
}

export const WIZARD_PLANS: Record<string, DomainPlan> = {
  // q35 cloud image: qcow2 overlay on virtio, the NoCloud seed on virtio-scsi, emulated (TCG), its OS recorded.
  cloud: cloudImagePlan('scsi', identity.mac, {
    name: 'golden-cloud',
    uuid: identity.uuid,
    title: 'Web <frontend> & "api"',
    domainType: 'qemu',
    osinfoId: 'http://debian.org/debian/11',
    machine: 'q35',
    firmware: 'bios',
    memoryMiB: 1024,
    vcpus: 2,
  }),
  // ISO install on pc: the installer CD-ROM boots first (IDE on pc), then the new disk on SATA; a host bridge.
  iso: {
    name: 'golden-iso',
    uuid: '0b6c3f7e-4d55-4a8e-8f66-0c1d2e3f4a5b',
    domainType: 'kvm',
    machine: 'pc',
    firmware: 'bios',
    memoryMiB: 2048,
    vcpus: 2,
    disks: [
      { device: 'cdrom', pool: 'isos', volume: 'debian-12.iso', format: 'raw', bus: 'ide', target: 'hda', bootOrder: 1 },
      { device: 'disk', pool: 'default', volume: 'golden-iso.qcow2', format: 'qcow2', bus: 'sata', target: 'sda', bootOrder: 2 },
    ],
    nic: { type: 'bridge', source: 'br0', model: 'e1000e', mac: '52:54:00:01:02:03' },
  },
  // An existing raw disk, imported as it is, on a host where KVM guests only start with host-model.
  import: {
    name: 'golden-import',
    uuid: '1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5',
    domainType: 'kvm',
    cpuMode: 'host-model',
    machine: 'q35',
    firmware: 'bios',
    memoryMiB: 512,
    vcpus: 1,
    disks: [{ device: 'disk', pool: 'default', volume: 'appliance.img', format: 'raw', bus: 'scsi', target: 'sda', bootOrder: 1 }],
    nic: { type: 'network', source: 'default', model: 'rtl8139', mac: '52:54:00:10:20:30' },
  },
  // Direct kernel boot, no disk, no network.
  kernel: {
    name: 'golden-kernel',
    uuid: '2d3e4f5a-6b7c-4d8e-9fa0-b1c2d3e4f5a6',
    domainType: 'qemu',
    machine: 'q35',
    firmware: 'bios',
    memoryMiB: 256,
    vcpus: 1,
    disks: [],
    nic: null,
    kernel: { kernel: `${FIXTURES}/vmlinuz`, initrd: `${FIXTURES}/initrd.gz`, cmdline: 'console=ttyS0 panic=-1' },
  },
  // UEFI by firmware autoselection, q35, a cloud image under KVM.
  uefi: cloudImagePlan('scsi', '52:54:00:3e:4f:5a', {
    name: 'golden-uefi',
    uuid: '3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7',
    domainType: 'kvm',
    machine: 'q35',
    firmware: 'efi',
    memoryMiB: 4096,
    vcpus: 4,
  }),
};
