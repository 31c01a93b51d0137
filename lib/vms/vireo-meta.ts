import {
  DomainDefineFlags,
  DomainMetadataType,
  DomainModificationImpact,
  DomainXMLFlags,
  ErrorNumber,
  parseUuid,
  type DomainRef,
  type LibvirtClient,
} from '@/lib/libvirt';
import { isLibvirtCode } from '@/lib/errors';
import { Domain } from '@/lib/domain-xml/domain';
import { VIREO_METADATA, type VireoMeta } from '@/lib/domain-xml/vireo-meta';

// Vireo's notes on a VM (template, linked clone, files its snapshots made) live in its persistent definition.
// Writing them re-reads that definition first: an external snapshot changes disk sources underneath, and a stale
// copy defined again would undo that.

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

/**
 * Stores the notes in the persistent definition, read afresh so that only Vireo's element changes (libvirt's
 * metadata call would be narrower, but it refuses an element that declares its own namespace, and Vireo's
 * children need theirs).
 */
export async function writeVireoMeta(client: LibvirtClient, dom: DomainRef, meta: VireoMeta): Promise<void> {
  const fresh = Domain.parse(await client.domains.xml(dom, DomainXMLFlags.INACTIVE | DomainXMLFlags.SECURE));
  const v = fresh.vireo;
  v.templateSince = meta.templateSince;
  v.templateReadonly = meta.templateReadonly;
  v.linkedTemplate = meta.linkedTemplate;
  v.linkedTemplateUuid = meta.linkedTemplateUuid;
  for (const f of v.files) f.remove();
  for (const f of meta.files) {
    if (f.snapshot && f.role && f.path) v.addFile({ snapshot: f.snapshot, role: f.role, path: f.path, disk: f.disk ?? undefined, base: f.base });
  }
  if (!v.templateSince && !v.linkedTemplate && v.files.length === 0) v.remove();
  await client.domains.defineXml(fresh.toXml(), DomainDefineFlags.VALIDATE);
}
