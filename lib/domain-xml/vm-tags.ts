import { fragment, removeElement } from '@/lib/xml/build';
import { parseXml, serializeXml } from '@/lib/xml/parse';
import { createModel, many, str, xmlModel } from './model';

// A VM's tags in its <metadata>, in a namespace of their own (not inside Vireo's <vireo:vm>): libvirt's metadata
// call replaces every element of a namespace at once, so tags written that way never touch the template and
// snapshot notes, and the notes' redefinitions keep the tags. Kept in libvirt, they travel with the VM.
//
//   <metadata>
//     <vireo-tags:tags xmlns:vireo-tags="https://vireo.dev/xmlns/tags/1"><tag>db</tag><tag>prod</tag></vireo-tags:tags>
//   </metadata>
//
// virDomainSetMetadata takes the element without a namespace and puts it (not its children) in TAGS_NS under the
// key; virDomainGetMetadata answers it the same way. `metadataXml` and `fromMetadata` are that form.

export const TAGS_NS = 'https://vireo.dev/xmlns/tags/1';
/** The prefix and namespace libvirt's metadata calls take for the tags element. */
export const TAGS_METADATA = { key: 'vireo-tags', uri: TAGS_NS } as const;

export class VmTag extends xmlModel('VmTag', 'tag', { name: str('.') }) {}

export class VmTags extends xmlModel('VmTags', 'vireo-tags:tags', { items: many(VmTag, 'tag') }, { '': ['tag'] }, { 'vireo-tags': TAGS_NS }) {
  /** The tags in their order, blanks left out. */
  get names(): string[] {
    return this.items.map((t) => t.name?.trim() ?? '').filter(Boolean);
  }

  /** Replaces every tag (the element stays, empty when there are none). */
  replace(names: readonly string[]): void {
    for (const t of this.items) if (t.el) removeElement(t.el);
    for (const name of names) this.add(createModel(VmTag, { name }));
  }

  /** The element as virDomainSetMetadata takes it: no prefix, no namespace (libvirt adds both). */
  static metadataXml(names: readonly string[]): string {
    const tags = new VmTags(fragment('tags'));
    tags.replace(names);
    return serializeXml(tags.element());
  }

  /** What virDomainGetMetadata answers for TAGS_NS (the element with its namespace taken off). */
  static fromMetadata(xml: string): VmTags {
    const root = parseXml(xml).documentElement!;
    if (root.localName !== 'tags') throw new Error(`Expected a <tags> element, not <${root.tagName}>.`);
    return new VmTags(root);
  }
}
