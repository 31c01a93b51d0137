import { DomainMetadataType, type DomainRef, type LibvirtClient, type Scope } from '@/lib/libvirt';
import { TAGS_METADATA, VmTags } from '@/lib/domain-xml/vm-tags';

// A VM's tags as libvirt keeps them: one element in TAGS_NS under <metadata>, read and written with libvirt's
// metadata calls (one small answer, not the whole definition). The inventory takes the tags from the definition it
// reads anyway for each row (lib/domain-xml/row-facts.ts), with the MACs and the template mark.

/** The tags of the scope's definition ('current': the running guest's, else the persistent one); none is []. */
export async function readTags(client: LibvirtClient, dom: DomainRef, scope: Scope = 'current'): Promise<string[]> {
  const xml = await client.domains.metadata(dom, DomainMetadataType.ELEMENT, scope, TAGS_METADATA.uri);
  return xml ? VmTags.fromMetadata(xml).names : [];
}

/** Replaces the tags in the scope's definitions; no tags removes the element. */
export function writeTags(client: LibvirtClient, dom: DomainRef, tags: readonly string[], scope: Scope): Promise<void> {
  return client.domains.setMetadata(dom, DomainMetadataType.ELEMENT, tags.length ? VmTags.metadataXml(tags) : null, scope, TAGS_METADATA);
}
