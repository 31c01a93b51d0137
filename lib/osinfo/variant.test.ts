import { describe, expect, it } from 'vitest';
import { parseOsFile } from './record';
import { searchVariants } from './search';
import { resolveVariants } from './variant';

// Small osinfo-db files written for these tests, in the database's own format: a family base that lists virtio
// devices and resources, a release deriving from it, one that inherits resources explicitly, a Windows that
// needs UEFI and has no virtio, and a derived OS that cancels a device.

const file = (body: string) => `<?xml version="1.0"?><libosinfo version="0.0.1">${body}</libosinfo>`;

const BASE = file(`<os id="http://example.org/linux/1">
  <short-id>exlinux1</short-id><name>Example Linux 1</name><name xml:lang="de">Beispiel Linux 1</name>
  <vendor>Example</vendor><family>linux</family><release-date>2015-01-01</release-date><eol-date>2020-01-01</eol-date>
  <devices><device id="http://pcisig.com/pci/1af4/1001"/><device id="http://pcisig.com/pci/1af4/1000"/></devices>
  <resources arch="all"><minimum><n-cpus>1</n-cpus><ram>536870912</ram><storage>5368709120</storage></minimum>
    <recommended><ram>1073741824</ram><storage>10737418240</storage></recommended></resources>
  <resources arch="aarch64"><minimum><ram>1</ram></minimum></resources>
</os>`);
const TWO = file(`<os id="http://example.org/linux/2">
  <short-id>exlinux2</short-id><short-id>exlinuxbravo</short-id><name>Example Linux 2</name><vendor>Example</vendor><family>linux</family>
  <derives-from id="http://example.org/linux/1"/><release-date>2022-06-01</release-date>
  <resources arch="x86_64"><minimum><ram>1073741824</ram></minimum><recommended><ram>2147483648</ram><storage>21474836480</storage></recommended></resources>
</os>`);
const GENERIC = file(`<os id="http://example.org/generic/2024"><short-id>generic2024</short-id><name>Generic 2024</name>
  <derives-from id="http://example.org/linux/2"/><release-date>2024-01-01</release-date><resources arch="all" inherit="true"/>
  <devices><device id="http://pcisig.com/pci/1af4/1000" supported="false"/></devices></os>`);
const WIN = file(`<os id="http://example.org/win/11"><short-id>exwin11</short-id><name>Example Windows 11</name><family>winnt</family>
  <release-date>2021-10-05</release-date><firmware arch="x86_64" type="efi"/><firmware arch="x86_64" type="bios" supported="false"/>
  <resources arch="x86_64"><minimum><n-cpus>2</n-cpus><ram>4294967296</ram><storage>68719476736</storage></minimum></resources></os>`);

const all = () => resolveVariants([BASE, TWO, GENERIC, WIN].flatMap(parseOsFile), '2023-01-01');
const byShort = (s: string) => all().find((v) => v.shortId === s)!;

describe('parseOsFile', () => {
  it('reads the untranslated name, short ids, parents, devices, x86 resources and firmware', () => {
    const [two] = parseOsFile(TWO);
    expect(two).toMatchObject({
      id: 'http://example.org/linux/2',
      shortIds: ['exlinux2', 'exlinuxbravo'],
      name: 'Example Linux 2',
      parents: ['http://example.org/linux/1'],
    });
    expect(parseOsFile(BASE)[0]!.name).toBe('Example Linux 1');
    expect(parseOsFile(BASE)[0]!.resources?.minimum).toEqual({ ramBytes: 512 * 1024 ** 2, storageBytes: 5 * 1024 ** 3, cpus: 1 });
    expect([...parseOsFile(WIN)[0]!.firmware]).toEqual([
      ['efi', true],
      ['bios', false],
    ]);
  });

  it('throws on a file that is not XML', () => {
    expect(() => parseOsFile('<libosinfo><os')).toThrow(/well-formed/);
  });
});

describe('resolveVariants', () => {
  it('gives an OS its own resources and the devices it inherits', () => {
    expect(byShort('exlinux2')).toMatchObject({
      name: 'Example Linux 2',
      eol: false,
      virtio: { disk: true, net: true },
      memory: { minimumMiB: 1024, recommendedMiB: 2048 },
      // Own resources given: nothing inherited, not even the minimum disk the base has.
      disk: { minimumGiB: null, recommendedGiB: 20 },
      firmware: { efi: false, bios: true },
    });
  });

  it('inherits resources when told to, and lets a device be cancelled', () => {
    expect(byShort('generic2024')).toMatchObject({ memory: { minimumMiB: 1024, recommendedMiB: 2048 }, virtio: { disk: true, net: false } });
  });

  it('marks end of life by the date, and reads the UEFI-only, virtio-less Windows', () => {
    expect(byShort('exlinux1').eol).toBe(true);
    expect(byShort('exwin11')).toMatchObject({
      virtio: { disk: false, net: false },
      firmware: { efi: true, bios: false },
      minimumCpus: 2,
      memory: { minimumMiB: 4096 },
    });
  });
});

describe('searchVariants', () => {
  it('matches every word, current releases first and newest first', () => {
    expect(searchVariants(all(), 'example linux', 10).map((v) => v.shortId)).toEqual(['exlinux2', 'exlinux1']);
    expect(searchVariants(all(), 'linux', 10).map((v) => v.shortId)).toEqual(['exlinux2', 'exlinux1']);
    expect(searchVariants(all(), 'windows 11', 10).map((v) => v.shortId)).toEqual(['exwin11']);
    expect(searchVariants(all(), 'nothing like it', 10)).toEqual([]);
  });

  it('puts an exact short id first and honours the limit', () => {
    expect(searchVariants(all(), 'exlinux1', 10)[0]!.shortId).toBe('exlinux1');
    expect(searchVariants(all(), '', 2)).toHaveLength(2);
  });
});
