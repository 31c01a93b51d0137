import { intoNamespace, removeElement, withoutNamespace } from '@/lib/xml/build';
import { parseXml, serializeXml } from '@/lib/xml/parse';
import { many, str, xmlModel } from './model';

// A VM's tags in its <metadata>, in a namespace of their own (not inside Vireo's <vireo:vm>): libvirt's metadata
// call replaces every element of a namespace at once, so tags written that way never touch the template and
// snapshot notes, and the notes' redefinitions keep the tags. Kept in libvirt, they travel with the VM.
//
//   <metadata>
//     <vireo-tags:tags xmlns:vireo-tags="https://vireo.dev/xmlns/tags/1">
//       <vireo-tags:tag>db</vireo-tags:tag>
//     </vireo-tags:tags>
//   </metadata>
//
// virDomainSetMetadata takes the element with no namespace and puts it and everything in it into TAGS_NS under the
// key; virDomainGetMetadata answers it with the namespace taken off again. `metadataXml` and `fromMetadata` are
// that form, converted from and to the one model.

export const TAGS_NS = 'https://vireo.dev/xmlns/tags/1';
/** The prefix and namespace libvirt's metadata calls take for the tags element. */
export const TAGS_METADATA = { key: 'vireo-tags', uri: TAGS_NS } as const;

export class VmTag extends xmlModel('VmTag', 'vireo-tags:tag', { name: str('.') }) {}

export class VmTags extends xmlModel(
  'VmTags',
  'vireo-tags:tags',
  { items: many(VmTag, 'vireo-tags:tag') },
  { '': ['vireo-tags:tag'] },
  { 'vireo-tags': TAGS_NS },
) {
  /** The tags in their order, blanks left out. */
  get names(): string[] {
    return this.items.map((t) => t.name?.trim() ?? '').filter(Boolean);
  }

  /** Replaces every tag (the element stays, empty when there are none). */
  replace(names: readonly string[]): void {
    for (const t of this.items) if (t.el) removeElement(t.el);
    const doc = this.element().ownerDocument!;
    for (const name of names) {
      const tag = new VmTag(doc.createElementNS(TAGS_NS, VmTag.tag));
      tag.name = name;
      this.add(tag);
    }
  }

  /** A detached tags element of its own. */
  static empty(): VmTags {
    return new VmTags(parseXml(`<${VmTags.tag} xmlns:${TAGS_METADATA.key}="${TAGS_NS}"/>`).documentElement);
  }

  /** The element as virDomainSetMetadata takes it: no prefixes, no namespace (libvirt adds both). */
  static metadataXml(names: readonly string[]): string {
    const tags = VmTags.empty();
    tags.replace(names);
    return serializeXml(withoutNamespace(tags.element()));
  }

  /** What virDomainGetMetadata answers for TAGS_NS (the element with its namespace taken off). */
  static fromMetadata(xml: string): VmTags {
    const root = parseXml(xml).documentElement!;
    if (root.localName !== 'tags') throw new Error(`Expected a <tags> element, not <${root.tagName}>.`);
    return new VmTags(intoNamespace(root, TAGS_METADATA.key, TAGS_NS));
  }
}
