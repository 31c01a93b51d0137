import { DomainDefineFlags, DomainXMLFlags } from '@/lib/libvirt';
import { ConflictError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { Domain } from '@/lib/domain-xml/domain';
import { everyDefinition } from '@/lib/vms/every-definition';
import { inventory } from '@/lib/vms/inventory';
import { findVm } from '@/lib/vms/lifecycle';

// A template is a stopped VM kept as the source of clones: Vireo notes it in its metadata, makes its disks
// read-only (linked clones read them as their backing files, so they must not change), and refuses to start it.
// Unmarking puts back exactly the disks Vireo made read-only, unless linked clones still stand on them.

export interface TemplateState {
  name: string;
  template: boolean;
  /** Disk targets Vireo made read-only for the template. */
  readonlyDisks: string[];
}

/** The linked clones layered on the VM with that uuid. */
export async function linkedClonesOf(host: HostContext, uuid: string): Promise<string[]> {
  const client = await host.libvirt();
  return (await everyDefinition(client)).filter((d) => d.definitions.some((x) => x.vireo.linkedTemplateUuid === uuid)).map((d) => d.name);
}

export async function setTemplate(host: HostContext, name: string, template: boolean): Promise<TemplateState> {
  const client = await host.libvirt();
  const dom = await findVm(client, name);
  const def = Domain.parse(await client.domains.xml(dom, DomainXMLFlags.INACTIVE | DomainXMLFlags.SECURE));
  const meta = def.vireo;
  const state = (): TemplateState => ({ name: dom.name, template: meta.isTemplate, readonlyDisks: (meta.templateReadonly ?? '').split(' ').filter(Boolean) });
  if (meta.isTemplate === template) return state();
  if (template) {
    if (dom.id > 0) throw new ConflictError(`Shut "${dom.name}" down first: a template is a stopped VM whose disks no longer change.`);
    const made = def.disks.filter((d) => (d.device ?? 'disk') === 'disk' && !d.readonly && d.target);
    for (const d of made) d.readonly = true;
    meta.templateSince = new Date().toISOString();
    meta.templateReadonly = made.map((d) => d.target).join(' ') || null;
  } else {
    const clones = await linkedClonesOf(host, dom.uuid);
    if (clones.length) {
      throw new ConflictError(
        `Linked clones still read "${dom.name}"'s disks (${clones.join(', ')}); delete them or keep it a template. Its disks would change under them.`,
      );
    }
    const targets = new Set(state().readonlyDisks);
    for (const d of def.disks) if (d.target && targets.has(d.target)) d.readonly = false;
    meta.templateSince = null;
    meta.templateReadonly = null;
  }
  await client.domains.defineXml(def.toXml(), DomainDefineFlags.VALIDATE);
  void inventory(host).refresh(dom);
  return state();
}
