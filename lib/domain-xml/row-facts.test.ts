import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Domain } from './domain';
import { quickRowFacts, rowFacts } from './row-facts';
import { TAGS_NS } from './vm-tags';
import { VIREO_NS } from './vireo-meta';

const golden = path.join(__dirname, 'golden');

/** The same facts read the slow way: the whole definition through the model. */
function whole(xml: string) {
  const d = Domain.parse(xml);
  const max = d.memory.maximumKiB ?? 0;
  return {
    vcpus: d.cpu.vcpuCurrent ?? d.cpu.vcpus ?? 0,
    memoryKiB: d.memory.currentKiB ?? max,
    maxMemKiB: max,
    macs: d.interfaces.flatMap((n) => (n.mac ? [n.mac.toLowerCase()] : [])),
    tags: d.tags?.names ?? [],
    template: d.vireo?.isTemplate ?? false,
  };
}

const tagged = `<domain type='kvm'>
  <name>web1</name>
  <memory unit='GiB'>4</memory>
  <currentMemory unit='KiB'>2097152</currentMemory>
  <vcpu placement='static' current='2'>8</vcpu>
  <metadata>
    <vireo:vm xmlns:vireo="${VIREO_NS}"><vireo:template since="2026-01-01T00:00:00Z"/></vireo:vm>
    <vireo-tags:tags xmlns:vireo-tags="${TAGS_NS}"><vireo-tags:tag>db</vireo-tags:tag><vireo-tags:tag>eu-west</vireo-tags:tag></vireo-tags:tags>
  </metadata>
  <devices>
    <disk type='file' device='disk'><source file='/x.qcow2'/><target dev='vda' bus='virtio'/></disk>
    <interface type='network'>
      <mac address='52:54:00:AA:BB:01'/>
      <source network='default'/>
    </interface>
    <interface type='bridge'><mac address='52:54:00:aa:bb:02'/><source bridge='br0'/></interface>
    <interface type='user'/>
  </devices>
</domain>`;

describe('rowFacts', () => {
  it('reads the size, every NIC’s MAC (lower-case), the tags and the template mark', () => {
    expect(rowFacts(tagged)).toEqual({
      vcpus: 2,
      memoryKiB: 2097152,
      maxMemKiB: 4194304,
      macs: ['52:54:00:aa:bb:01', '52:54:00:aa:bb:02'],
      tags: ['db', 'eu-west'],
      template: true,
    });
  });

  it('answers as the whole model does for every golden definition', () => {
    const files = readdirSync(golden).filter((f) => f.endsWith('.xml'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const xml = readFileSync(path.join(golden, f), 'utf8');
      expect(rowFacts(xml), f).toEqual(whole(xml));
      const quick = quickRowFacts(xml);
      if (quick) expect(quick, f).toEqual(whole(xml));
    }
  });

  it('reads what libvirt wrote straight from the text, as the model would', () => {
    const written = readdirSync(golden).filter((f) => /^libvirt-.*-in\.xml$/.test(f));
    expect(written.length).toBeGreaterThan(2);
    for (const f of written) expect(quickRowFacts(readFileSync(path.join(golden, f), 'utf8')), f).toBeDefined();
    // As libvirt hands out a tagged template with two NICs: single quotes, KiB, prefixes bound where they are used.
    const libvirtTagged = tagged
      .replace("<memory unit='GiB'>4</memory>", "<memory unit='KiB'>4194304</memory>")
      .replaceAll('"', "'")
      .replace("<interface type='user'/>", '');
    expect(quickRowFacts(libvirtTagged)).toEqual(whole(libvirtTagged));
    expect(quickRowFacts(libvirtTagged)?.tags).toEqual(['db', 'eu-west']);
    // Another prefix for the namespace is the model's to judge.
    const otherPrefix = libvirtTagged.replaceAll('vireo-tags:', 't:').replace('xmlns:vireo-tags', 'xmlns:t');
    expect(quickRowFacts(otherPrefix)).toBeUndefined();
    expect(rowFacts(otherPrefix)).toEqual(whole(otherPrefix));
  });

  it('leaves to the model what libvirt would not have written', () => {
    const odd = [
      tagged, // memory in GiB
      tagged
        .replace(/<vireo-tags:tags xmlns:vireo-tags="[^"]*">/, `<tags xmlns="${TAGS_NS}">`)
        .replaceAll('vireo-tags:tag', 'tag')
        .replace('</vireo-tags:tags>', '</tags>'),
      tagged.replace('<vireo-tags:tag>db</vireo-tags:tag>', '<vireo-tags:tag>db</vireo-tags:tag><vireo-tags:tag/>'),
      tagged.replace("<mac address='52:54:00:AA:BB:01'/>", '<mac address="52:54:00:AA:BB:01"/>'),
    ];
    for (const xml of odd) {
      expect(quickRowFacts(xml)).toBeUndefined();
      expect(rowFacts(xml)).toEqual(whole(xml));
    }
  });

  it('has nothing to say of a definition without metadata or NICs', () => {
    expect(rowFacts("<domain type='kvm'><name>a</name></domain>")).toEqual({ vcpus: 0, memoryKiB: 0, maxMemKiB: 0, macs: [], tags: [], template: false });
  });

  it('parses the whole definition when the parts are not where libvirt puts them', () => {
    // Another application's metadata holding an element named like a top-level one.
    const odd = tagged.replace('</metadata>', '<devices xmlns="urn:other"><interface><mac address="00:00:00:00:00:09"/></interface></devices></metadata>');
    expect(rowFacts(odd)).toEqual(whole(odd));
    expect(rowFacts(odd).macs).toEqual(['52:54:00:aa:bb:01', '52:54:00:aa:bb:02']);
  });

  it('takes a DIMM’s or numatune’s <memory> for no size', () => {
    const dimm = tagged
      .replace('<devices>', "<devices><memory model='dimm'><target><size unit='KiB'>524288</size><node>0</node></target></memory>")
      .replace('<vcpu', "<numatune><memory mode='strict' nodeset='0'/></numatune><vcpu");
    expect(rowFacts(dimm)).toEqual(whole(dimm));
    expect(rowFacts(dimm).maxMemKiB).toBe(4194304);
  });

  it('refuses malformed XML as the model does', () => {
    expect(() => rowFacts('<domain><metadata>')).toThrow();
  });
});
