import type { Document } from '@xmldom/xmldom';
import { indent, newDocument, removeElement } from '@/lib/xml/build';
import { child, children, parseXml, serializeXml } from '@/lib/xml/parse';
import { Channel, Console, Serial } from './console';
import { Controller } from './controller';
import { Cpu } from './cpu';
import { Disk } from './disk';
import { Graphics } from './graphics';
import { Interface } from './interface';
import { Dimm, Memory } from './memory';
import { bool, flag, int, many, one, str, xmlModel } from './model';
import { DEVICES_ORDER, DOMAIN_ORDER } from './order';
import { Os } from './os';
import { Input, MemBalloon, Rng, Video } from './small-devices';
import { VIREO_NS, VireoMeta } from './vireo-meta';
import { TAGS_NS, VmTags } from './vm-tags';

// <domain>: identity, lifecycle actions, features and clock here; everything else through the element families
// it composes (os, cpu, memory, and the device lists).

export class Timer extends xmlModel('Timer', 'timer', {
  name: str('@name'),
  tickpolicy: str('@tickpolicy'),
  present: bool('@present'),
}) {}

export class DomainXmlError extends Error {
  override name = 'DomainXmlError';
}

const LIBOSINFO = 'http://libosinfo.org/xmlns/libvirt/domain/1.0';

export class Domain extends xmlModel(
  'Domain',
  'domain',
  {
    /** kvm, or qemu for emulation (TCG). */
    type: str<'kvm' | 'qemu' | (string & {})>('@type'),
    /** The running guest's id (live XML only). */
    id: int('@id'),
    name: str('name'),
    uuid: str('uuid'),
    title: str('title'),
    description: str('description'),
    /** The libosinfo id of the guest OS (virt-install, virt-manager and cockpit record it). */
    osinfoId: str('metadata/libosinfo:libosinfo/libosinfo:os/@id'),
    /** Vireo's own notes (template, linked clone, snapshot files): see vireo-meta.ts. */
    vireo: one(VireoMeta, 'metadata/vireo:vm'),
    /** The VM's tags (vm-tags.ts), written through libvirt's metadata call. */
    tags: one(VmTags, 'metadata/vireo-tags:tags'),
    memory: one(Memory, '.'),
    cpu: one(Cpu, '.'),
    os: one(Os, 'os'),
    acpi: flag('features/acpi'),
    apic: flag('features/apic'),
    vmport: str<'on' | 'off'>('features/vmport/@state'),
    clockOffset: str('clock/@offset'),
    timers: many(Timer, 'clock/timer'),
    onPoweroff: str('on_poweroff'),
    onReboot: str('on_reboot'),
    onCrash: str('on_crash'),
    emulator: str('devices/emulator'),
    disks: many(Disk, 'devices/disk'),
    controllers: many(Controller, 'devices/controller'),
    interfaces: many(Interface, 'devices/interface'),
    serials: many(Serial, 'devices/serial'),
    consoles: many(Console, 'devices/console'),
    channels: many(Channel, 'devices/channel'),
    inputs: many(Input, 'devices/input'),
    graphics: many(Graphics, 'devices/graphics'),
    videos: many(Video, 'devices/video'),
    memballoon: one(MemBalloon, 'devices/memballoon'),
    rngs: many(Rng, 'devices/rng'),
    dimms: many(Dimm, 'devices/memory'),
  },
  {
    '': DOMAIN_ORDER,
    metadata: [],
    features: ['acpi', 'apic', 'pae', 'hap', 'viridian', 'privnet', 'hyperv', 'kvm', 'xen', 'pvspinlock', 'pmu', 'vmport', 'gic', 'smm'],
    clock: ['timer'],
    devices: DEVICES_ORDER,
  },
  { libosinfo: LIBOSINFO, vireo: VIREO_NS, 'vireo-tags': TAGS_NS },
) {
  /** A new, empty definition. */
  static create(type: 'kvm' | 'qemu', name: string, uuid: string): Domain {
    const d = new Domain(newDocument('domain').documentElement);
    d.type = type;
    d.name = name;
    d.uuid = uuid;
    return d;
  }

  /** Parses a definition; the root must be <domain>. Malformed XML is an XmlSyntaxError. */
  static parse(xml: string): Domain {
    return Domain.of(parseXml(xml));
  }

  /** The model over an already parsed definition (edits change that document). */
  static of(doc: Document): Domain {
    const root = doc.documentElement!;
    if (root.tagName !== 'domain') throw new DomainXmlError(`The root element must be <domain>, not <${root.tagName}>.`);
    return new Domain(root);
  }

  get document(): Document {
    return this.element().ownerDocument!;
  }

  /** The whole definition. `pretty` indents a definition built from nothing (one that has no layout of its own). */
  override toXml(pretty = false): string {
    const root = this.element();
    if (pretty) indent(root);
    return serializeXml(this.document);
  }

  diskByTarget(target: string): Disk | null {
    return this.disks.find((d) => d.target === target) ?? null;
  }

  /** The NIC with that MAC address (any case). */
  interfaceByMac(mac: string): Interface | null {
    const m = mac.toLowerCase();
    return this.interfaces.find((n) => n.mac?.toLowerCase() === m) ?? null;
  }

  /** The memory modules (DIMMs), not other memory devices. */
  get memoryModules(): Dimm[] {
    return this.dimms.filter((m) => m.model === 'dimm');
  }

  /** Disk targets in use. */
  get diskTargets(): string[] {
    return this.disks.map((d) => d.target).filter((t): t is string => t !== null);
  }

  /** Removes every per-device boot order and the <os><boot dev> list (libvirt refuses the two mixed). */
  clearBootOrder(): void {
    for (const dev of children(child(this.el, 'devices'), '*')) for (const b of children(dev, 'boot')) removeElement(b);
    for (const b of this.os.bootDevices) b.remove();
  }
}
