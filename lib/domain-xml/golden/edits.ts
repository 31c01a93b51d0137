import { Disk } from '../disk';
import type { Domain } from '../domain';
import { Graphics, GraphicsListen } from '../graphics';
import { Interface } from '../interface';
import { Dimm } from '../memory';
import { createModel } from '../model';
import { useLoopbackVnc } from '../new-domain';
import { pickTarget } from '../targets';

// The edits applied to a golden case between parsing and serializing: what Vireo's Hardware tab and wizard do to
// a definition, and writes of the properties no input holds.

const MiB = 1024;

export const EDITS: Record<string, (d: Domain) => void> = {
  // The Hardware tab on a VM the wizard made (persistent definition).
  'vireo-cloud': (d) => {
    const target = pickTarget('virtio', d.diskTargets)!;
    const data = d.add(Disk.create({ device: 'disk', target, bus: 'virtio', format: 'raw', source: { dev: '/dev/vg0/data' } }));
    data.cache = 'none';
    data.io = 'native';
    d.interfaces[0]!.linkState = 'down';
    d.add(Interface.create({ mac: '52:54:00:aa:bb:cd', source: { type: 'bridge', bridge: 'br0' }, model: 'e1000e' }));
    d.clearBootOrder();
    d.diskByTarget('sda')!.bootOrder = 1;
    d.interfaceByMac('52:54:00:AA:BB:CC')!.bootOrder = 2;
    d.diskByTarget('vda')!.bootOrder = 3;
    d.os.setFirmware('efi');
    d.os.bootMenu = true;
    d.title = 'Web, edited';
    d.description = 'front end & cache';
    d.onCrash = 'restart';
  },
  // Live changes to a running guest: eject the CD-ROM, move the NIC to a bridge, pull its cable.
  'libvirt-tcg-live': (d) => {
    d.diskByTarget('sda')!.setSource(null);
    const nic = d.interfaces[0]!;
    nic.setSource({ type: 'bridge', bridge: 'br0' });
    nic.linkState = 'down';
  },
  // Memory hotplug on a NUMA guest: one more DIMM, a higher ceiling, a bigger boot cell.
  'libvirt-tcg-inactive': (d) => {
    d.add(Dimm.create(256 * MiB, 0));
    d.memory.hotplug = { slots: 4, maxKiB: 2048 * MiB };
    d.cpu.numaCells[0]!.memoryKiB = 512 * MiB;
    d.memory.maximumKiB = (512 + 128 + 256) * MiB;
  },
  // vCPUs, CPU mode and memory of a tuned guest; a network disk; the DIMM and hotplug removed.
  'virtinst-pc-tuned': (d) => {
    d.cpu.setCount(8, 6);
    d.cpu.topology = { sockets: 2, cores: 2, threads: 2 };
    d.cpu.mode = 'host-model';
    d.cpu.match = null;
    d.cpu.model = null;
    for (const dimm of d.dimms) dimm.remove();
    d.cpu.numaCells[0]!.remove();
    d.memory.hotplug = null;
    d.memory.currentKiB = 1024 * MiB;
    const nbd = d.add(Disk.create({ device: 'disk', target: pickTarget('virtio', d.diskTargets)!, bus: 'virtio', format: 'raw', source: null }));
    nbd.type = 'network';
    nbd.protocol = 'nbd';
    nbd.sourceName = 'export1';
    nbd.host = 'storage.example';
    nbd.hostPort = '10809';
  },
  // Back to BIOS: the named loader and NVRAM go.
  'virtinst-uefi': (d) => d.os.setFirmware('bios'),
  // A display on a unix socket for a guest that had none.
  'virtinst-kernel': (d) => {
    const g = d.add(createModel(Graphics));
    g.type = 'vnc';
    g.socket = '/run/libvirt/qemu/vireo-golden-kernel.vnc';
    const l = g.add(createModel(GraphicsListen));
    l.type = 'socket';
    l.socket = g.socket;
  },
  // Vireo's display policy on guests made elsewhere: VNC on loopback only; the cloud-init seed ejected.
  'cockpit-ubuntu-cloud': (d) => {
    useLoopbackVnc(d);
    d.diskByTarget('sda')!.setSource(null);
  },
  'virtinst-win11-spice': (d) => useLoopbackVnc(d),
  // Vireo's notes beside libosinfo's: a template whose disk Vireo made read-only, layered on another template,
  // with the files of an external snapshot (one recorded, then dropped again as a snapshot delete does).
  'libvirt-cockpit-inactive': (d) => {
    d.vireo.templateSince = '2026-01-02T03:04:05.000Z';
    d.vireo.templateReadonly = 'vda';
    d.vireo.linkedTemplate = 'golden-base';
    d.vireo.linkedTemplateUuid = '6f1d2a4e-8a53-4c47-9a4c-3c8f1a0e5b21';
    d.vireo.addFile({
      snapshot: 'before-upgrade',
      role: 'overlay',
      disk: 'vda',
      path: '/var/lib/libvirt/images/g-vda-before-upgrade.qcow2',
      base: '/var/lib/libvirt/images/g.qcow2',
    });
    d.vireo.addFile({ snapshot: 'before-upgrade', role: 'memory', path: '/var/lib/libvirt/images/g-before-upgrade.mem' });
    d.vireo.addFile({ snapshot: 'gone', role: 'memory', path: '/var/lib/libvirt/images/g-gone.mem' }).remove();
    // Tags beside the notes, in their own namespace (as virDomainSetMetadata puts them); then one more added to
    // those there, as the tag editor does.
    d.tags.replace(['db']);
    d.tags.replace([...d.tags.names, 'prod']);
  },
};
