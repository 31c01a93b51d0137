import { describe, expect, it } from 'vitest';
import { buildPoolXml, parsePoolXml, supportedPoolTypes } from './pool-model';
import { buildVolumeXml, parseVolumeXml, volumeFileStamp } from './volume-model';

// Shapes as libvirt 9.0 answers them (virsh pool-dumpxml / vol-dumpxml), written by hand.
const poolXml = `<pool type='dir'>
  <name>images</name>
  <uuid>6f1e1c5a-8f7b-4c2e-9d3a-0b1c2d3e4f50</uuid>
  <capacity unit='bytes'>105089261568</capacity>
  <allocation unit='bytes'>20971520</allocation>
  <available unit='bytes'>105068290048</available>
  <source>
  </source>
  <target>
    <path>/var/lib/libvirt/images</path>
    <permissions><mode>0711</mode><owner>0</owner><group>0</group></permissions>
  </target>
</pool>`;

describe('pool model', () => {
  it('reads a directory pool', () => {
    expect(parsePoolXml(poolXml)).toEqual({
      name: 'images',
      uuid: '6f1e1c5a-8f7b-4c2e-9d3a-0b1c2d3e4f50',
      type: 'dir',
      targetPath: '/var/lib/libvirt/images',
      sourceDevice: null,
      sourceHost: null,
      sourceDir: null,
      sourceName: null,
      capacity: 105089261568,
      allocation: 20971520,
      available: 105068290048,
    });
  });

  it('builds what it reads back, for each type the form offers', () => {
    const cases = [
      { name: 'd', type: 'dir', targetPath: '/srv/d', sourceDevice: null, sourceHost: null, sourceDir: null, sourceName: null },
      { name: 'f', type: 'fs', targetPath: '/mnt/f', sourceDevice: '/dev/vdb1', sourceHost: null, sourceDir: null, sourceName: null },
      { name: 'n', type: 'netfs', targetPath: '/mnt/n', sourceDevice: null, sourceHost: 'nfs.example', sourceDir: '/export', sourceName: null },
      { name: 'l', type: 'logical', targetPath: null, sourceDevice: null, sourceHost: null, sourceDir: null, sourceName: 'vg0' },
    ];
    for (const c of cases) expect(parsePoolXml(buildPoolXml(c))).toMatchObject(c);
    expect(buildPoolXml(cases[2]!)).toContain(`<format type="nfs"/>`);
  });

  it('escapes text instead of concatenating it', () => {
    expect(buildPoolXml({ name: 'a<b', type: 'dir', targetPath: '/x&y', sourceDevice: null, sourceHost: null, sourceDir: null, sourceName: null })).toBe(
      '<pool type="dir"><name>a&lt;b</name><target><path>/x&amp;y</path></target></pool>',
    );
  });

  it('lists supported pool types from the capabilities', () => {
    const caps =
      `<storagepoolCapabilities><pool type='dir' supported='yes'/><pool type='rbd' supported='no'/><pool type='logical' ` +
      `supported='yes'><poolOptions/></pool></storagepoolCapabilities>`;
    expect(supportedPoolTypes(caps)).toEqual(['dir', 'logical']);
  });
});

describe('volume model', () => {
  it("builds a sparse volume and reads libvirt's answer", () => {
    expect(buildVolumeXml({ name: 'disk.qcow2', capacity: 16 << 20, format: 'qcow2' })).toBe(
      '<volume><name>disk.qcow2</name><capacity unit="bytes">16777216</capacity><allocation unit="bytes">0</allocation><target><format ' +
        'type="qcow2"/><compat>1.1</compat></target></volume>',
    );
    const answer = `<volume type='file'><name>disk.qcow2</name><key>/srv/p/disk.qcow2</key><source/>
      <capacity unit='bytes'>16777216</capacity><allocation unit='bytes'>200704</allocation><physical unit='bytes'>196624</physical>
      <target><path>/srv/p/disk.qcow2</path><format type='qcow2'/></target></volume>`;
    expect(parseVolumeXml(answer)).toEqual({
      name: 'disk.qcow2',
      key: '/srv/p/disk.qcow2',
      path: '/srv/p/disk.qcow2',
      format: 'qcow2',
      capacity: 16777216,
      allocation: 200704,
      physical: 196624,
      type: 'file',
      backingPath: null,
      compat: null,
    });
  });

  it("reads an overlay's backing file and a directory's type", () => {
    const overlay = `<volume type='file'><name>vm.qcow2</name><capacity>1</capacity><target><path>/p/vm.qcow2</path></target>
      <backingStore><path>/p/base.qcow2</path><format type='qcow2'/></backingStore></volume>`;
    expect(parseVolumeXml(overlay)).toMatchObject({ type: 'file', backingPath: '/p/base.qcow2' });
    expect(parseVolumeXml(`<volume type='dir'><name>sub</name><capacity>4096</capacity></volume>`)).toMatchObject({ type: 'dir', backingPath: null });
  });

  it('refuses another root element', () => {
    expect(() => parseVolumeXml('<pool/>')).toThrow(/Expected a <volume>/);
  });

  it("reads a file volume's size and change times to the nanosecond, and nothing for other volumes", () => {
    const times = (m: string, c: string) => `<timestamps><atime>1.5</atime><mtime>${m}</mtime><ctime>${c}</ctime><btime>0</btime></timestamps>`;
    const vol = (type: string, t: string) =>
      `<volume type='${type}'><name>v</name><capacity>1</capacity><physical unit='bytes'>196616</physical><target><path>/p/v</path>${t}</target></volume>`;
    expect(volumeFileStamp(vol('file', times('1796140791.712226195', '1796140791.5')))).toEqual({
      physical: 196616n,
      mtimeNs: 1796140791712226195n,
      ctimeNs: 1796140791500000000n,
    });
    expect(volumeFileStamp(vol('file', times('1796140791', '7')))).toMatchObject({ mtimeNs: 1796140791000000000n, ctimeNs: 7000000000n });
    expect(volumeFileStamp(vol('block', times('1.1', '1.1')))).toBeNull();
    expect(volumeFileStamp(vol('file', ''))).toBeNull();
    expect(volumeFileStamp(vol('file', times('soon', '1.1')))).toBeNull();
  });
});
