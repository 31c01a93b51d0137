import { describe, expect, it } from 'vitest';
import { parseXml } from '@/lib/xml/parse';
import { applyDiskOptions, buildDiskXml, ioProblem, scsiControllerXml, withMedia } from './disk-xml';
import { buildNicXml } from './nics';
import { dimmXml } from './memory';

describe('device XML', () => {
  it('builds a volume disk with driver options, escaping values', () => {
    const xml = buildDiskXml({ device: 'disk', source: { pool: 'p&q', volume: "v'1.qcow2" }, format: 'qcow2', target: 'vdb', bus: 'virtio', cache: 'none', discard: 'default', io: 'native', shareable: true });
    expect(xml).toBe(
      '<disk type="volume" device="disk"><driver name="qemu" type="qcow2" cache="none" io="native"/>' +
        '<source pool="p&amp;q" volume="v\'1.qcow2"/><target dev="vdb" bus="virtio"/><shareable/></disk>',
    );
    expect(parseXml(xml).documentElement!.getAttribute('type')).toBe('volume');
  });

  it('builds an empty read-only CD-ROM drive and a file disk', () => {
    expect(buildDiskXml({ device: 'cdrom', source: null, format: 'raw', target: 'sda', bus: 'scsi' })).toBe(
      '<disk type="file" device="cdrom"><driver name="qemu" type="raw"/><target dev="sda" bus="scsi"/><readonly/></disk>',
    );
    expect(buildDiskXml({ device: 'disk', source: { file: '/i/a.img' }, format: 'raw', target: 'sdb', bus: 'sata', readonly: true })).toContain('<source file="/i/a.img"/><target dev="sdb" bus="sata"/><readonly/>');
  });

  it('changes media of an existing drive, keeping its address and alias', () => {
    const drive = parseXml(
      "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='/old.iso' index='1'/><target dev='sda' bus='scsi'/><readonly/><alias name='scsi0-0-0-0'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>",
    ).documentElement!;
    const ejected = withMedia(drive, null);
    expect(ejected).not.toContain('<source');
    expect(ejected).toContain('<address type="drive"');
    const inserted = withMedia(drive, { pool: 'isos', volume: 'debian.iso' });
    expect(inserted).toMatch(/^<disk type="volume" device="cdrom"><driver name="qemu" type="raw"\/><source pool="isos" volume="debian.iso"\/><target/);
    // The original element is not modified.
    expect(drive.getElementsByTagName('source')[0]!.getAttribute('file')).toBe('/old.iso');
  });

  it('applies and clears driver options and flags', () => {
    const disk = parseXml("<disk type='file' device='disk'><driver name='qemu' type='raw' cache='none'/><source file='/a'/><target dev='vda' bus='virtio'/><readonly/></disk>").documentElement!;
    applyDiskOptions(disk, { cache: 'default', discard: 'unmap', readonly: false, shareable: true });
    const driver = disk.getElementsByTagName('driver')[0]!;
    expect(driver.hasAttribute('cache')).toBe(false);
    expect(driver.getAttribute('discard')).toBe('unmap');
    expect(disk.getElementsByTagName('readonly').length).toBe(0);
    expect(disk.getElementsByTagName('shareable').length).toBe(1);
  });

  it('knows native I/O needs an uncached mode', () => {
    expect(ioProblem({ io: 'native', cache: 'writeback' })).toMatch(/none/);
    expect(ioProblem({ io: 'native', cache: 'none' })).toBeNull();
    expect(ioProblem({ io: 'threads', cache: 'writeback' })).toBeNull();
  });

  it('builds controllers, NICs and DIMMs', () => {
    expect(scsiControllerXml(1)).toBe('<controller type="scsi" index="1" model="virtio-scsi"/>');
    expect(buildNicXml('52:54:00:00:00:01', { type: 'bridge', bridge: 'br0' }, 'virtio')).toBe(
      '<interface type="bridge"><mac address="52:54:00:00:00:01"/><source bridge="br0"/><model type="virtio"/><link state="up"/></interface>',
    );
    expect(dimmXml(256, 0)).toBe('<memory model="dimm"><target><size unit="KiB">262144</size><node>0</node></target></memory>');
    expect(dimmXml(128, null)).not.toContain('<node>');
  });
});
