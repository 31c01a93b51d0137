// The choices Vireo offers for new devices, in one place for the wizard, the Hardware tab and the server checks.
// Pure (no XML library, no Node modules): client components import it.

/** Disk buses, in the order they are offered (the machine type's domain capabilities narrow them per VM). */
export const DISK_BUSES = ['virtio', 'scsi', 'sata', 'ide', 'usb'] as const;
export type DiskBus = (typeof DISK_BUSES)[number];

/** The buses the create wizard offers for a new VM's disk: the fast ones, and SATA for guests without virtio. */
export const NEW_VM_DISK_BUSES = ['virtio', 'sata', 'scsi'] as const satisfies readonly DiskBus[];
export type NewVmDiskBus = (typeof NEW_VM_DISK_BUSES)[number];

/** CD-ROM drives: buses with removable media. */
export const CDROM_BUSES = ['sata', 'scsi', 'ide'] as const satisfies readonly DiskBus[];
export type CdromBus = (typeof CDROM_BUSES)[number];

export const DISK_BUS_LABELS: Record<DiskBus, string> = { virtio: 'VirtIO', scsi: 'SCSI (virtio-scsi)', sata: 'SATA', ide: 'IDE', usb: 'USB' };

export const DISK_CACHES = ['default', 'none', 'writethrough', 'writeback', 'directsync', 'unsafe'] as const;
export type DiskCache = (typeof DISK_CACHES)[number];
export const DISK_DISCARDS = ['default', 'ignore', 'unmap'] as const;
export type DiskDiscard = (typeof DISK_DISCARDS)[number];
export const DISK_IOS = ['default', 'native', 'threads', 'io_uring'] as const;
export type DiskIo = (typeof DISK_IOS)[number];

/**
 * NIC models worth offering: virtio first; e1000e and e1000 for guests without virtio drivers (e1000 for the
 * oldest, which lack e1000e); rtl8139 for very old guests.
 */
export const NIC_MODELS = ['virtio', 'e1000e', 'e1000', 'rtl8139'] as const;
export type NicModel = (typeof NIC_MODELS)[number];

export const NIC_MODEL_LABELS: Record<NicModel, string> = {
  virtio: 'virtio (fastest)',
  e1000e: 'e1000e (Intel, no drivers needed)',
  e1000: 'e1000 (older Intel, for old guests)',
  rtl8139: 'rtl8139 (very old guests)',
};

export function isNicModel(m: string): m is NicModel {
  return (NIC_MODELS as readonly string[]).includes(m);
}
