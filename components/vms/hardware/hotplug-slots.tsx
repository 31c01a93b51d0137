import type { HardwareView } from '@/lib/hardware/types';

// How many more disks and NICs can be hot-added: on q35 each needs a free PCIe root port, and ports cannot be
// added while the guest runs.

export function HotplugSlots({ slots, running }: { slots: HardwareView['hotplug']; running: boolean }) {
  if (!slots) return null;
  const what = slots.kind === 'pcie-root-port' ? `${slots.total} PCIe root ports` : `${slots.total} PCI slots`;
  const none = slots.free === 0;
  return (
    <p className={`text-sm ${none ? 'text-amber-800' : 'text-slate-600'}`} data-testid="hotplug-slots" data-free={slots.free} data-total={slots.total}>
      <span className="font-medium">Room for hot-added disks and NICs:</span> {slots.free} free of {what}.
      {none
        ? running
          ? ' Another device can only be added for the next boot (libvirt then adds a port), or live after removing one.'
          : ' libvirt adds a port for each device added while the VM is shut off.'
        : null}
    </p>
  );
}
