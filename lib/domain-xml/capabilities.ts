import type { Element } from '@xmldom/xmldom';
import { attr, child, children, parseXml, path, text } from '@/lib/xml/parse';
import { DISK_BUSES, type DiskBus } from './constants';

// What the hypervisor offers for one emulator/arch/machine/virt type (libvirt's domain capabilities): the disk
// buses, the vCPU ceiling, CPU models and firmware. The wizard and the Hardware tab decide from this one reading.

export interface DomainCaps {
  machine: string | null;
  maxVcpus: number | null;
  diskBuses: DiskBus[];
  diskDevices: string[];
  cpuModes: string[];
  /** Named CPU models the host can run (usable='yes', or no usability information), sorted by name. */
  cpuModels: string[];
  /** Named models the hypervisor knows but this host cannot give a guest (usable='no'), sorted by name. */
  cpuModelsUnusable: string[];
  /** UEFI can be offered (see uefiOffered). */
  efi: boolean;
}

function enumValues(el: Element | null, name: string): string[] {
  const e = children(el, 'enum').find((x) => attr(x, 'name') === name);
  return children(e, 'value')
    .map((v) => text(v) ?? '')
    .filter(Boolean);
}

/**
 * UEFI is offered when firmware autoselection can pick an efi firmware (the firmware enum) AND firmware images are
 * installed (loader values): what a guest defined with firmware='efi' needs to start. (The wizard used to check
 * the enum alone; both now use this.)
 */
export function uefiOffered(os: Element | null): boolean {
  return os !== null && attr(os, 'supported') !== 'no' && enumValues(os, 'firmware').includes('efi') && children(child(os, 'loader'), 'value').length > 0;
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

/** libvirt lists models in QEMU's order (neither by age nor by name); by name they are easy to find. */
function modelNames(custom: Element | null | undefined, keep: (usable: string | null) => boolean): string[] {
  const names = children(custom, 'model')
    .filter((m) => keep(attr(m, 'usable')))
    .map((m) => text(m) ?? '')
    .filter(Boolean);
  return [...new Set(names)].sort(byName);
}

export function parseDomainCaps(xml: string): DomainCaps {
  const root = parseXml(xml).documentElement!;
  const disk = path(root, 'devices', 'disk');
  const buses = enumValues(disk, 'bus');
  const cpu = child(root, 'cpu');
  const modes = children(cpu, 'mode').filter((m) => attr(m, 'supported') === 'yes');
  const custom = modes.find((m) => attr(m, 'name') === 'custom');
  const max = Number(attr(child(root, 'vcpu'), 'max'));
  return {
    machine: text(child(root, 'machine')),
    maxVcpus: Number.isFinite(max) && max > 0 ? max : null,
    diskBuses: DISK_BUSES.filter((b) => buses.includes(b)),
    diskDevices: enumValues(disk, 'diskDevice'),
    cpuModes: modes.map((m) => attr(m, 'name') ?? '').filter(Boolean),
    cpuModels: modelNames(custom, (usable) => usable !== 'no'),
    cpuModelsUnusable: modelNames(custom, (usable) => usable === 'no'),
    efi: uefiOffered(child(root, 'os')),
  };
}
