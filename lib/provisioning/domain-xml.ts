import type { Element } from '@xmldom/xmldom';
import { addLoopbackVnc } from '@/lib/consoles/graphics';
import { append, indent, newDocument } from '@/lib/xml/build';
import { serializeXml } from '@/lib/xml/parse';

// The domain a new VM gets: modern virtio devices, a serial console (Vireo's browser console), VNC on loopback
// only, a guest-agent channel, an RNG and a balloon. Built element by element through the XML library.

export interface PlannedDisk {
  device: 'disk' | 'cdrom';
  pool: string;
  volume: string;
  format: 'qcow2' | 'raw';
  bus: 'virtio' | 'sata' | 'scsi' | 'ide';
  target: string;
  bootOrder?: number;
  readonly?: boolean;
}

export interface DomainPlan {
  name: string;
  uuid: string;
  title?: string;
  domainType: 'kvm' | 'qemu';
  machine: 'q35' | 'pc';
  firmware: 'bios' | 'efi';
  memoryMiB: number;
  vcpus: number;
  disks: PlannedDisk[];
  nic: { type: 'network' | 'bridge'; source: string; model: string; mac: string } | null;
  kernel?: { kernel: string; initrd?: string; cmdline: string };
}

/** Spare PCIe root ports on q35, so disks and NICs can be hot-plugged later (each hotplugged device needs one). */
export const SPARE_ROOT_PORTS = 8;

function disk(devices: Element, d: PlannedDisk): void {
  const el = append(devices, 'disk', { type: 'volume', device: d.device });
  append(el, 'driver', { name: 'qemu', type: d.format, ...(d.device === 'disk' ? { discard: 'unmap' } : {}) });
  append(el, 'source', { pool: d.pool, volume: d.volume });
  append(el, 'target', { dev: d.target, bus: d.bus });
  if (d.readonly || d.device === 'cdrom') append(el, 'readonly');
  if (d.bootOrder !== undefined) append(el, 'boot', { order: d.bootOrder });
}

export function buildDomainXml(p: DomainPlan): string {
  const doc = newDocument('domain');
  const root = doc.documentElement!;
  root.setAttribute('type', p.domainType);
  append(root, 'name', {}, p.name);
  append(root, 'uuid', {}, p.uuid);
  if (p.title) append(root, 'title', {}, p.title);
  append(root, 'memory', { unit: 'MiB' }, p.memoryMiB);
  append(root, 'currentMemory', { unit: 'MiB' }, p.memoryMiB);
  append(root, 'vcpu', { placement: 'static' }, p.vcpus);

  const os = append(root, 'os', p.firmware === 'efi' ? { firmware: 'efi' } : {});
  append(os, 'type', { arch: 'x86_64', machine: p.machine }, 'hvm');
  if (p.kernel) {
    append(os, 'kernel', {}, p.kernel.kernel);
    if (p.kernel.initrd) append(os, 'initrd', {}, p.kernel.initrd);
    if (p.kernel.cmdline) append(os, 'cmdline', {}, p.kernel.cmdline);
  }

  const features = append(root, 'features');
  append(features, 'acpi');
  append(features, 'apic');
  // Under KVM the guest sees the host's CPU; under emulation QEMU's default model is what TCG implements.
  if (p.domainType === 'kvm') append(root, 'cpu', { mode: 'host-passthrough', check: 'none', migratable: 'on' });
  const clock = append(root, 'clock', { offset: 'utc' });
  append(clock, 'timer', { name: 'rtc', tickpolicy: 'catchup' });
  append(clock, 'timer', { name: 'pit', tickpolicy: 'delay' });
  append(clock, 'timer', { name: 'hpet', present: 'no' });
  append(root, 'on_poweroff', {}, 'destroy');
  append(root, 'on_reboot', {}, 'restart');
  append(root, 'on_crash', {}, 'destroy');

  const devices = append(root, 'devices');
  if (p.machine === 'q35') {
    append(devices, 'controller', { type: 'pci', index: 0, model: 'pcie-root' });
    for (let i = 0; i < SPARE_ROOT_PORTS; i++) append(devices, 'controller', { type: 'pci', model: 'pcie-root-port' });
  }
  if (p.disks.some((d) => d.bus === 'scsi')) append(devices, 'controller', { type: 'scsi', model: 'virtio-scsi' });
  for (const d of p.disks) disk(devices, d);
  if (p.nic) {
    const nic = append(devices, 'interface', { type: p.nic.type });
    append(nic, 'mac', { address: p.nic.mac });
    append(nic, 'source', p.nic.type === 'network' ? { network: p.nic.source } : { bridge: p.nic.source });
    append(nic, 'model', { type: p.nic.model });
  }
  const serial = append(devices, 'serial', { type: 'pty' });
  append(serial, 'target', { port: 0 });
  const console = append(devices, 'console', { type: 'pty' });
  append(console, 'target', { type: 'serial', port: 0 });
  const agent = append(devices, 'channel', { type: 'unix' });
  append(agent, 'target', { type: 'virtio', name: 'org.qemu.guest_agent.0' });
  append(devices, 'input', { type: 'tablet', bus: 'usb' });
  const rng = append(devices, 'rng', { model: 'virtio' });
  append(rng, 'backend', { model: 'random' }, '/dev/urandom');
  append(devices, 'memballoon', { model: 'virtio' });
  addLoopbackVnc(doc);
  indent(root);
  return `${serializeXml(doc)}\n`;
}
