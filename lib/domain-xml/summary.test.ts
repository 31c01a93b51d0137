import { describe, expect, it } from 'vitest';
import { checkEditedDomainXml, summarizeDomainXml } from './summary';
import { XmlSyntaxError } from '@/lib/xml/parse';

const xml = `<domain type='qemu'>
  <name>web-1</name>
  <uuid>6d1d4d5e-8a43-4e8e-9d1c-6b1e0cfe1a01</uuid>
  <title>Web</title>
  <description>front end &amp; cache</description>
  <memory unit='MiB'>512</memory>
  <currentMemory unit='KiB'>262144</currentMemory>
  <vcpu placement='static'>2</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type><kernel>/k</kernel><nvram>/var/lib/nv.fd</nvram></os>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/img/web.qcow2'/><target dev='vda' bus='virtio'/></disk>
    <disk type='volume' device='cdrom'><source pool='iso' volume='deb.iso'/><target dev='sda' bus='sata'/><readonly/></disk>
    <interface type='network'><mac address='52:54:00:aa:bb:cc'/><source network='default'/><model type='virtio'/></interface>
    <serial type='pty'><target port='0'/></serial>
    <graphics type='vnc' port='-1'/>
  </devices>
</domain>`;

describe('summarizeDomainXml', () => {
  it('reads hardware from the definition, converting units to KiB', () => {
    const s = summarizeDomainXml(xml);
    expect(s).toMatchObject({
      name: 'web-1',
      title: 'Web',
      description: 'front end & cache',
      hypervisor: 'qemu',
      arch: 'x86_64',
      machine: 'pc',
      memoryKiB: 524288,
      currentMemoryKiB: 262144,
      vcpus: 2,
      directKernel: true,
      nvram: '/var/lib/nv.fd',
      graphics: ['vnc'],
      emulator: '/usr/bin/qemu-system-x86_64',
    });
    expect(s.disks).toEqual([
      { device: 'disk', type: 'file', target: 'vda', bus: 'virtio', format: 'qcow2', source: '/img/web.qcow2', pool: null, volume: null, readonly: false },
      { device: 'cdrom', type: 'volume', target: 'sda', bus: 'sata', format: null, source: 'iso/deb.iso', pool: 'iso', volume: 'deb.iso', readonly: true },
    ]);
    expect(s.nics).toEqual([{ type: 'network', source: 'default', mac: '52:54:00:aa:bb:cc', model: 'virtio' }]);
  });

  it('reports malformed XML as a syntax error with a position', () => {
    expect(() => summarizeDomainXml('<domain><name>x</domain>')).toThrowError(XmlSyntaxError);
    expect(() => summarizeDomainXml('')).toThrowError(XmlSyntaxError);
  });
});

describe('checkEditedDomainXml', () => {
  const expected = { name: 'web-1', uuid: '6d1d4d5e-8a43-4e8e-9d1c-6b1e0cfe1a01' };
  it('accepts the same domain', () => expect(checkEditedDomainXml(xml, expected)).toBeNull());
  it('refuses another root, a rename or another uuid', () => {
    expect(checkEditedDomainXml('<network><name>web-1</name></network>', expected)).toMatch(/root element/);
    expect(checkEditedDomainXml(xml.replace('<name>web-1', '<name>web-2'), expected)).toMatch(/name/);
    expect(checkEditedDomainXml(xml.replace('6d1d4d5e', '00000000'), expected)).toMatch(/uuid/);
  });
});

describe('summarize', () => {
  it('names a loader without autoselection a custom loader, and lists serial ports and consoles', () => {
    const s = summarizeDomainXml(`<domain type='kvm'><name>u</name><os><type>hvm</type><loader type='pflash'>/x/OVMF_CODE.fd</loader></os>
      <devices><serial type='pty'/><console type='pty'><target type='virtio'/></console><graphics type='spice'/></devices></domain>`);
    expect([s.firmware, s.consoles, s.graphics, s.vcpus, s.memoryKiB]).toEqual(['custom loader', ['serial (pty)', 'console (pty)'], ['spice'], null, null]);
  });
});
