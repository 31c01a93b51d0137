import { describe, expect, it } from 'vitest';
import { Disk, ioProblem } from './disk';
import { Domain } from './domain';
import { Graphics } from './graphics';
import { Interface } from './interface';
import { Dimm } from './memory';
import { cloneModel, parseModel } from './model';
import { virtioScsiController } from './controller';

// The element families' own behaviour (the golden test covers parsing and writing real definitions).

const dom = (devices: string, extra = '') => Domain.parse(`<domain type="kvm"><name>t</name>${extra}<devices>${devices}</devices></domain>`);

describe('Disk', () => {
  it('builds a volume disk and an empty CD-ROM drive, escaping values', () => {
    const d = Disk.create({ device: 'disk', target: 'vdb', bus: 'virtio', format: 'qcow2', source: { pool: 'p&q', volume: "v'1.qcow2" } });
    d.cache = 'none';
    d.io = 'native';
    d.shareable = true;
    expect(d.toXml()).toBe(
      '<disk type="volume" device="disk"><driver name="qemu" type="qcow2" cache="none" io="native"/>' +
        '<source pool="p&amp;q" volume="v\'1.qcow2"/><target dev="vdb" bus="virtio"/><shareable/></disk>',
    );
    expect(Disk.create({ device: 'cdrom', target: 'sda', bus: 'scsi', format: 'raw', source: null }).toXml()).toBe(
      '<disk type="file" device="cdrom"><driver name="qemu" type="raw"/><target dev="sda" bus="scsi"/><readonly/></disk>',
    );
  });

  it('changes media on a copy, keeping address and alias, and drops what the old source said', () => {
    const drive = parseModel(
      Disk,
      "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='/old.iso' index='1'/><target dev='sda' bus='scsi'/>" +
        "<readonly/><alias name='scsi0-0-0-0'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>",
    );
    const copy = cloneModel(drive);
    copy.setSource({ pool: 'isos', volume: 'debian.iso' });
    expect(copy.toXml()).toMatch(
      /^<disk type="volume" device="cdrom"><driver name="qemu" type="raw"\/><source pool="isos" volume="debian.iso"\/><target .*<address type="drive"/,
    );
    copy.setSource(null);
    expect([copy.type, copy.source, copy.sourceRef, copy.toXml().includes('<source')]).toEqual(['file', null, null, false]);
    expect([drive.file, drive.source]).toEqual(['/old.iso', '/old.iso']);
  });

  it('applies and clears driver options and flags', () => {
    const d = parseModel(Disk, "<disk type='file' device='disk'><driver name='qemu' type='raw' cache='none'/><source file='/a'/><readonly/></disk>");
    d.applyOptions({ cache: 'default', discard: 'unmap', readonly: false, shareable: true });
    expect([d.cache, d.discard, d.io, d.readonly, d.shareable]).toEqual([null, 'unmap', null, false, true]);
    d.applyOptions({});
    expect(d.discard).toBe('unmap');
  });

  it('knows native I/O needs an uncached mode', () => {
    expect(ioProblem({ io: 'native', cache: 'writeback' })).toMatch(/none/);
    expect(ioProblem({ io: 'native', cache: 'none' })).toBeNull();
    expect(ioProblem({ io: 'threads', cache: 'writeback' })).toBeNull();
  });

  it('names its source and knows which images it uses', () => {
    const d = Disk.create({ device: 'disk', target: 'vda', bus: 'virtio', format: 'raw', source: { dev: '/dev/vg/lv' } });
    expect([d.type, d.source, d.sourceRef]).toEqual(['block', '/dev/vg/lv', { dev: '/dev/vg/lv' }]);
    expect(d.usesImage({ path: '/dev/vg/lv' })).toBe(true);
    d.setSource({ pool: 'default', volume: 'a.qcow2' });
    expect(d.source).toBe('default/a.qcow2');
    expect(d.usesImage({ pool: 'default', volume: 'a.qcow2' })).toBe(true);
    expect([d.usesImage({ path: '/x' }), d.usesImage({ pool: 'default', volume: 'b' })]).toEqual([false, false]);
  });
});

describe('Interface', () => {
  it('builds a NIC and moves it, leaving the live tap name behind', () => {
    expect(Interface.create({ mac: '52:54:00:00:00:01', source: { type: 'bridge', bridge: 'br0' }, model: 'virtio' }).toXml()).toBe(
      '<interface type="bridge"><mac address="52:54:00:00:00:01"/><source bridge="br0"/><model type="virtio"/></interface>',
    );
    const live = parseModel(
      Interface,
      "<interface type='network'><mac address='52:54:00:00:00:02'/><source network='default' portid='x' bridge='virbr0'/><target dev='vnet0'/>" +
        "<model type='virtio'/><alias name='net0'/></interface>",
    );
    expect(live.source).toBe('default');
    live.setSource({ type: 'network', network: 'isolated' });
    live.linkState = 'down';
    expect(live.toXml()).toBe(
      '<interface type="network"><mac address="52:54:00:00:00:02"/><source network="isolated"/><model type="virtio"/><link state="down"/>' +
        '<alias name="net0"/></interface>',
    );
  });
});

describe('Domain', () => {
  it('finds devices by target and MAC, and clears every kind of boot order', () => {
    const d = dom(
      '<disk device="disk"><target dev="vda"/><boot order="2"/></disk>' +
        '<interface type="network"><mac address="52:54:00:AB:00:01"/><boot order="1"/></interface><hostdev mode="subsystem"><boot order="3"/></hostdev>',
      '<os><type>hvm</type><boot dev="hd"/><boot dev="cdrom"/></os>',
    );
    expect(d.diskByTarget('vda')?.bootOrder).toBe(2);
    expect(d.interfaceByMac('52:54:00:ab:00:01')?.bootOrder).toBe(1);
    expect(d.diskByTarget('vdb')).toBeNull();
    d.clearBootOrder();
    expect(d.toXml()).not.toContain('boot');
  });

  it('refuses another root element', () => {
    expect(() => Domain.parse('<network><name>n</name></network>')).toThrow(/root element must be <domain>/);
  });

  it('reads vCPU counts and topology, and writes them back', () => {
    const d = dom('', "<vcpu placement='static' current='2'>4</vcpu><cpu mode='host-model'/>");
    expect([d.cpu.maximum, d.cpu.current, d.cpu.topology, d.cpu.effectiveMode]).toEqual([4, 2, null, 'host-model']);
    d.cpu.setCount(4, 4);
    d.cpu.topology = { sockets: 1, cores: 2, threads: 2 };
    expect(d.toXml()).toContain('<vcpu placement="static">4</vcpu><cpu mode="host-model"><topology sockets="1" dies="1" cores="2" threads="2"/></cpu>');
    d.cpu.topology = null;
    expect(d.toXml()).toContain('<cpu mode="host-model"/>');
    expect([dom('').cpu.maximum, dom('').cpu.effectiveMode, dom('', '<cpu><model>qemu64</model></cpu>').cpu.effectiveMode]).toEqual([1, null, 'custom']);
  });

  it('reads and sets the memory hotplug ceiling', () => {
    const d = dom('', "<maxMemory slots='16' unit='GiB'>8</maxMemory><memory unit='MiB'>1024</memory>");
    expect([d.memory.hotplug, d.memory.maximumKiB, d.memory.currentKiB]).toEqual([{ slots: 16, maxKiB: 8 * 1024 ** 2 }, 1024 ** 2, null]);
    d.memory.hotplug = null;
    expect(d.toXml()).not.toContain('maxMemory');
    expect(Dimm.create(256 * 1024, null).toXml()).toBe('<memory model="dimm"><target><size unit="KiB">262144</size></target></memory>');
    expect(Dimm.create(128 * 1024, 0).toXml()).toContain('<node>0</node>');
  });

  it('tells UEFI from BIOS and switches by firmware autoselection', () => {
    const d = dom(
      '',
      "<os><type>hvm</type><loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader>" +
        '<nvram>/var/lib/libvirt/qemu/nvram/t_VARS.fd</nvram></os>',
    );
    expect([d.os.isEfi, d.os.nvramPath]).toEqual([true, '/var/lib/libvirt/qemu/nvram/t_VARS.fd']);
    d.os.setFirmware('bios');
    expect([d.os.isEfi, d.toXml().includes('<os><type>hvm</type></os>')]).toEqual([false, true]);
    d.os.setFirmware('efi');
    expect([d.os.isEfi, d.os.firmware]).toEqual([true, 'efi']);
    expect(dom('', '<os><type>hvm</type><loader>/usr/share/edk2/ovmf/OVMF_CODE.fd</loader></os>').os.isEfi).toBe(true);
  });
});

describe('Graphics', () => {
  it('lists where a display listens', () => {
    const g = parseModel(
      Graphics,
      "<graphics type='vnc' port='5901' listen='127.0.0.1'><listen type='address' address='127.0.0.1'/><listen type='network' network='x'/></graphics>",
    );
    expect([g.listenAddresses, g.socketPath, g.port]).toEqual([['127.0.0.1', '127.0.0.1'], null, 5901]);
    expect(parseModel(Graphics, "<graphics type='vnc'><listen type='socket' socket='/run/v.sock'/></graphics>").socketPath).toBe('/run/v.sock');
    expect(Graphics.loopbackVnc().toXml()).toBe(
      '<graphics type="vnc" autoport="yes" listen="127.0.0.1"><listen type="address" address="127.0.0.1"/></graphics>',
    );
  });
});

describe('Controller', () => {
  it('builds the virtio-scsi controller SCSI disks need', () => {
    expect(virtioScsiController(1).toXml()).toBe('<controller type="scsi" index="1" model="virtio-scsi"/>');
  });
});
