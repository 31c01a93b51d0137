import { describe, expect, it } from 'vitest';
import { Domain } from './domain';
import { TAGS_METADATA, VmTags } from './vm-tags';

// What libvirt's dumpxml shows after virDomainSetMetadata(ELEMENT, '<tags>…</tags>', key 'vireo-tags', TAGS_NS).
const DUMPED = `<domain type="qemu">
  <name>t</name>
  <metadata>
    <vireo:vm xmlns:vireo="https://vireo.dev/xmlns/vm/1">
      <vireo:template since="2026-01-02T03:04:05.000Z"/>
    </vireo:vm>
    <vireo-tags:tags xmlns:vireo-tags="https://vireo.dev/xmlns/tags/1">
      <vireo-tags:tag>db</vireo-tags:tag>
      <vireo-tags:tag> prod </vireo-tags:tag>
      <vireo-tags:tag/>
    </vireo-tags:tags>
  </metadata>
</domain>`;

describe('VM tags in the domain XML', () => {
  it("reads the tags element libvirt keeps under <metadata>, beside Vireo's notes", () => {
    const d = Domain.parse(DUMPED);
    expect(d.tags.exists).toBe(true);
    expect(d.tags.names).toEqual(['db', 'prod']);
    expect(d.vireo.isTemplate).toBe(true);
  });

  it('reads no tags from a domain without the element', () => {
    const d = Domain.parse('<domain type="kvm"><name>t</name></domain>');
    expect(d.tags.exists).toBe(false);
    expect(d.tags.names).toEqual([]);
  });

  it("writes the element in its namespace and leaves Vireo's notes alone", () => {
    const d = Domain.parse(DUMPED);
    d.tags.replace(['web']);
    const again = Domain.parse(d.toXml());
    expect(again.tags.names).toEqual(['web']);
    expect(again.vireo.isTemplate).toBe(true);
    expect(d.toXml()).toContain('<vireo-tags:tags xmlns:vireo-tags="https://vireo.dev/xmlns/tags/1">');
    d.tags.replace([]);
    expect(Domain.parse(d.toXml()).tags.names).toEqual([]);
  });

  it('builds the form virDomainSetMetadata takes: no prefix, no namespace, text escaped', () => {
    expect(VmTags.metadataXml(['db', 'prod'])).toBe('<tags><tag>db</tag><tag>prod</tag></tags>');
    expect(VmTags.metadataXml([])).toBe('<tags/>');
    expect(VmTags.metadataXml(['a<b&c'])).toBe('<tags><tag>a&lt;b&amp;c</tag></tags>');
    expect(TAGS_METADATA).toEqual({ key: 'vireo-tags', uri: 'https://vireo.dev/xmlns/tags/1' });
  });

  it('reads what virDomainGetMetadata answers, and refuses another element', () => {
    expect(VmTags.fromMetadata('<tags>\n  <tag>db</tag>\n  <tag>web</tag>\n</tags>\n').names).toEqual(['db', 'web']);
    expect(VmTags.fromMetadata(VmTags.metadataXml(['x'])).names).toEqual(['x']);
    expect(VmTags.fromMetadata('<tags/>').names).toEqual([]);
    expect(() => VmTags.fromMetadata('<vm/>')).toThrow('Expected a <tags> element, not <vm>.');
  });
});
