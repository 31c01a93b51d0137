import { DomainMetadataType, DomainModificationImpact, DomainXMLFlags, ErrorNumber, parseUuid, type DomainRef, type LibvirtClient } from '@/lib/libvirt';
import { isLibvirtCode } from '@/lib/errors';
import { Domain } from '@/lib/domain-xml/domain';
import { VIREO_METADATA, type VireoMeta } from '@/lib/domain-xml/vireo-meta';

// Vireo's notes on a VM (template, linked clone, files its snapshots made) are read from the persistent definition
// and written with libvirt's metadata call, so nothing else of the definition is rewritten: an external snapshot
// changes disk sources underneath, and a stale redefine would undo that.

const wire = (d: DomainRef) => ({ name: d.name, uuid: parseUuid(d.uuid), id: d.id });

/** The VM's notes as a model over a parsed copy of its persistent definition. */
export async function readVireoMeta(client: LibvirtClient, dom: DomainRef): Promise<VireoMeta> {
  return Domain.parse(await client.domains.xml(dom, DomainXMLFlags.INACTIVE)).vireo;
}

/** Whether the VM is a template, asked of libvirt's metadata alone (cheap enough for every row of the list). */
export async function isTemplateVm(client: LibvirtClient, dom: DomainRef): Promise<boolean> {
  try {
    const { metadata } = await client.remote.domainGetMetadata({
      dom: wire(dom),
      type: DomainMetadataType.ELEMENT,
      uri: VIREO_METADATA.uri,
      flags: DomainModificationImpact.CONFIG,
    });
    return /<[\w:]*template\b/.test(metadata);
  } catch (err) {
    if (isLibvirtCode(err, ErrorNumber.ERR_NO_DOMAIN_METADATA)) return false;
    throw err;
  }
}

/** Stores the notes (removing Vireo's element when nothing is left in it), in the definition and the running VM. */
export async function writeVireoMeta(client: LibvirtClient, dom: DomainRef, meta: VireoMeta): Promise<void> {
  const empty = !meta.el || !hasElementChild(meta.el);
  const running = (await client.domains.lookupByName(dom.name)).id > 0;
  await client.remote.domainSetMetadata({
    dom: wire(dom),
    type: DomainMetadataType.ELEMENT,
    metadata: empty ? null : meta.toXml(),
    key: VIREO_METADATA.key,
    uri: VIREO_METADATA.uri,
    flags: DomainModificationImpact.CONFIG | (running ? DomainModificationImpact.LIVE : 0),
  });
}

function hasElementChild(el: NonNullable<VireoMeta['el']>): boolean {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) return true;
  return false;
}
