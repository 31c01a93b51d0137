import type { Element } from '@xmldom/xmldom';
import type { LibvirtClient } from '@/lib/libvirt';
import { attr, child, children, parseXml, path, text } from '@/lib/xml/parse';
import type { DiskBus } from './types';

// What the hypervisor offers for one emulator/arch/machine/virt type (libvirt's domain capabilities): the
// disk buses, the vCPU ceiling, CPU models and firmware. Asked once per combination and kept for a while.

export interface DomainCaps {
  machine: string | null;
  maxVcpus: number | null;
  diskBuses: DiskBus[];
  diskDevices: string[];
  cpuModes: string[];
  /** Named CPU models the host can run (usable='yes', or no usability information). */
  cpuModels: string[];
  /** UEFI firmware is offered: the firmware enum has efi and at least one loader image exists. */
  efi: boolean;
}

const KNOWN_BUSES: readonly DiskBus[] = ['virtio', 'scsi', 'sata', 'ide', 'usb'];

function enumValues(el: Element | null, name: string): string[] {
  const e = children(el, 'enum').find((x) => attr(x, 'name') === name);
  return children(e, 'value').map((v) => text(v) ?? '').filter(Boolean);
}

export function parseDomainCaps(xml: string): DomainCaps {
  const root = parseXml(xml).documentElement!;
  const disk = path(root, 'devices', 'disk');
  const buses = enumValues(disk, 'bus');
  const cpu = child(root, 'cpu');
  const modes = children(cpu, 'mode').filter((m) => attr(m, 'supported') === 'yes');
  const custom = modes.find((m) => attr(m, 'name') === 'custom');
  const os = child(root, 'os');
  const loaderValues = children(child(os, 'loader'), 'value');
  const firmware = enumValues(os, 'firmware');
  const max = Number(attr(child(root, 'vcpu'), 'max'));
  return {
    machine: text(child(root, 'machine')),
    maxVcpus: Number.isFinite(max) && max > 0 ? max : null,
    diskBuses: KNOWN_BUSES.filter((b) => buses.includes(b)),
    diskDevices: enumValues(disk, 'diskDevice'),
    cpuModes: modes.map((m) => attr(m, 'name') ?? '').filter(Boolean),
    cpuModels: children(custom, 'model').filter((m) => attr(m, 'usable') !== 'no').map((m) => text(m) ?? '').filter(Boolean),
    efi: attr(os, 'supported') !== 'no' && firmware.includes('efi') && loaderValues.length > 0,
  };
}

export interface CapsQuery {
  emulator: string | null;
  arch: string | null;
  machine: string | null;
  virtType: string | null;
}

const TTL_MS = 5 * 60_000;
const cache = new Map<string, { at: number; caps: Promise<DomainCaps> }>();

export function domainCaps(client: LibvirtClient, q: CapsQuery): Promise<DomainCaps> {
  const key = JSON.stringify(q);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.caps;
  const caps = client.host
    .domainCapabilities({ emulatorbin: q.emulator ?? undefined, arch: q.arch ?? undefined, machine: q.machine ?? undefined, virttype: q.virtType ?? undefined })
    .then(parseDomainCaps);
  caps.catch(() => cache.delete(key));
  cache.set(key, { at: Date.now(), caps });
  return caps;
}
