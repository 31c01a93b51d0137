import { child, children } from '@/lib/xml/parse';
import type { Domain } from './domain';

// Where hot-added devices can go. On q35 every PCI Express device needs a root port of its own, and ports cannot
// be added while the guest runs: a guest defined with too few runs out ("No more available PCI slots") after a
// disk or two. On pc (i440FX) devices go straight into the slots of the root bus.

/** Free ports a new q35 guest keeps for hot-added disks and NICs (virt-install leaves about as many). */
export const HOTPLUG_SPARE_PORTS = 8;

export interface HotplugSlots {
  /** pcie-root-port: one device per port (q35); pci-slot: the root bus's slots (pc). */
  kind: 'pcie-root-port' | 'pci-slot';
  free: number;
  total: number;
}

/**
 * How many root ports the devices of a new q35 definition take once libvirt has placed them: each virtio disk,
 * the virtio-scsi controller, each NIC (a conventional PCI model gets a pcie-to-pci bridge, which takes one
 * port too), the virtio-serial controller of the agent channel, the USB controller libvirt adds, the balloon
 * and the RNG. The video card and SATA devices sit on the root complex itself.
 */
export function rootPortsTaken(d: Domain): number {
  const virtioDisks = d.disks.filter((x) => x.bus === 'virtio').length;
  const scsi = d.disks.some((x) => x.bus === 'scsi') || d.controllers.some((c) => c.type === 'scsi') ? 1 : 0;
  const conventionalNics = d.interfaces.some((n) => n.model === 'e1000' || n.model === 'rtl8139') ? 1 : 0;
  const pcieNics = d.interfaces.filter((n) => n.model !== 'e1000' && n.model !== 'rtl8139').length;
  const virtioSerial = d.channels.some((c) => c.targetType === 'virtio') || d.consoles.some((c) => c.targetType === 'virtio') ? 1 : 0;
  const usbNone = d.controllers.some((c) => c.type === 'usb' && c.model === 'none');
  const usb = usbNone ? 0 : 1;
  const balloon = d.memballoon.exists && d.memballoon.model === 'virtio' ? 1 : 0;
  const rngs = d.rngs.filter((r) => r.model === 'virtio').length;
  return virtioDisks + scsi + conventionalNics + pcieNics + virtioSerial + usb + balloon + rngs;
}

const num = (v: string | null): number | null => {
  if (v === null) return null;
  const n = /^0x/i.test(v) ? Number.parseInt(v, 16) : Number(v);
  return Number.isFinite(n) ? n : null;
};

/** Every PCI address libvirt gave a device or controller of the definition: [bus, slot]. */
function pciAddresses(d: Domain): [number, number][] {
  const out: [number, number][] = [];
  for (const dev of children(child(d.el, 'devices'), '*')) {
    for (const a of children(dev, 'address')) {
      if (a.getAttribute('type') !== 'pci') continue;
      const bus = num(a.getAttribute('bus'));
      const slot = num(a.getAttribute('slot'));
      if (bus !== null && slot !== null) out.push([bus, slot]);
    }
  }
  return out;
}

/**
 * The slots left for hot-added devices in a definition libvirt has addressed (a defined or running guest); null
 * for a machine without a PCI root Vireo knows. A root port with hotplug turned off does not count.
 */
export function hotplugSlots(d: Domain): HotplugSlots | null {
  const pci = d.controllers.filter((c) => c.type === 'pci');
  const used = pciAddresses(d);
  if (pci.some((c) => c.model === 'pcie-root')) {
    const hotplugOff = (c: (typeof pci)[number]) => children(c.el, 'target').some((t) => t.getAttribute('hotplug') === 'off');
    const ports = pci.filter((c) => c.model === 'pcie-root-port' && c.index !== null && !hotplugOff(c));
    const occupied = new Set(used.map(([bus]) => bus));
    return { kind: 'pcie-root-port', total: ports.length, free: ports.filter((p) => !occupied.has(p.index!)).length };
  }
  if (pci.some((c) => c.model === 'pci-root')) {
    // Slot 0 is the host bridge, which libvirt does not list; slots 1-31 take devices.
    const taken = new Set(used.filter(([bus, slot]) => bus === 0 && slot > 0).map(([, slot]) => slot));
    return { kind: 'pci-slot', total: 31, free: 31 - taken.size };
  }
  return null;
}
