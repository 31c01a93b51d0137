import { Channel, Console, Serial } from './console';
import { Controller, virtioScsiController } from './controller';
import { Disk } from './disk';
import { Domain } from './domain';
import { Graphics } from './graphics';
import { Interface } from './interface';
import { createModel } from './model';
import { HOTPLUG_SPARE_PORTS, rootPortsTaken } from './pci-slots';
import { Input, Rng, Video } from './small-devices';
import { Timer } from './domain';
import { mibToKiB } from './units';
import type { DomainPlan, PlannedDisk } from './types';

// The definition a new VM gets from the wizard's plan: modern virtio devices, a serial console (Vireo's browser
// console), VNC on loopback only, a guest-agent channel, an RNG, a balloon, PCIe ports for its devices and spare
// ones for hotplug, and the OS it runs (libosinfo metadata, as virt-install and cockpit record it).

function plannedDisk(d: PlannedDisk): Disk {
  const disk = Disk.create({ device: d.device, target: d.target, bus: d.bus, format: d.format, source: { pool: d.pool, volume: d.volume } });
  if (d.device === 'disk') disk.discard = 'unmap';
  if (d.readonly) disk.readonly = true;
  if (d.bootOrder !== undefined) disk.bootOrder = d.bootOrder;
  return disk;
}

/** Replaces any display with VNC on the host's loopback, and gives the guest a video card if it has none. */
export function useLoopbackVnc(d: Domain): void {
  for (const g of d.graphics) g.remove();
  d.add(Graphics.loopbackVnc());
  if (!d.videos.length) d.add(Video.of('vga'));
}

function timer(name: string, set: (t: Timer) => void): Timer {
  const t = createModel(Timer);
  t.name = name;
  set(t);
  return t;
}

export function newDomain(p: DomainPlan): Domain {
  const d = Domain.create(p.domainType, p.name, p.uuid);
  if (p.title) d.title = p.title;
  d.memory.maximumKiB = mibToKiB(p.memoryMiB);
  d.memory.currentKiB = mibToKiB(p.memoryMiB);
  d.cpu.vcpus = p.vcpus;
  d.cpu.vcpuPlacement = 'static';

  const os = d.os;
  if (p.firmware === 'efi') os.firmware = 'efi';
  os.type = 'hvm';
  os.arch = 'x86_64';
  os.machine = p.machine;
  if (p.kernel) {
    os.kernel = p.kernel.kernel;
    if (p.kernel.initrd) os.initrd = p.kernel.initrd;
    if (p.kernel.cmdline) os.cmdline = p.kernel.cmdline;
  }

  d.acpi = true;
  d.apic = true;
  // Under KVM the guest sees the host's CPU (as the readiness probe found it starts); under emulation QEMU's
  // default model is what TCG implements.
  if (p.domainType === 'kvm') d.cpu.useGuestMode(p.cpuMode ?? 'host-passthrough');
  if (p.osinfoId) d.osinfoId = p.osinfoId;
  d.clockOffset = 'utc';
  d.add(timer('rtc', (t) => (t.tickpolicy = 'catchup')));
  d.add(timer('pit', (t) => (t.tickpolicy = 'delay')));
  d.add(timer('hpet', (t) => (t.present = false)));
  d.onPoweroff = 'destroy';
  d.onReboot = 'restart';
  d.onCrash = 'destroy';

  if (p.machine === 'q35') d.add(Controller.create({ type: 'pci', index: 0, model: 'pcie-root' }));
  if (p.disks.some((x) => x.bus === 'scsi')) {
    const scsi = d.add(virtioScsiController(0));
    scsi.index = null; // libvirt numbers it
  }
  for (const x of p.disks) d.add(plannedDisk(x));
  if (p.nic) {
    const source = p.nic.type === 'network' ? { type: 'network' as const, network: p.nic.source } : { type: 'bridge' as const, bridge: p.nic.source };
    d.add(Interface.create({ mac: p.nic.mac, source, model: p.nic.model }));
  }
  d.add(Serial.pty(0));
  d.add(Console.onSerial(0));
  d.add(Channel.guestAgent());
  d.add(Input.usbTablet());
  d.add(Rng.virtioUrandom());
  d.memballoon.model = 'virtio';
  useLoopbackVnc(d);
  // Root ports for what the guest has now and spares for what will be hot-added: none can be added later live.
  if (p.machine === 'q35') {
    const ports = rootPortsTaken(d) + HOTPLUG_SPARE_PORTS;
    for (let i = 0; i < ports; i++) d.add(Controller.create({ type: 'pci', model: 'pcie-root-port' }));
  }
  return d;
}

/** The wizard's definition as the review step shows it: indented, ending in a newline. */
export function buildDomainXml(p: DomainPlan): string {
  return `${newDomain(p).toXml(true)}\n`;
}
