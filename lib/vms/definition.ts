import { DomainDefineFlags, DomainXMLFlags } from '@/lib/libvirt';
import { InputError, TooLargeError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { checkEditedDomainXml, summarizeDomainXml } from '@/lib/domain-xml/summary';
import type { DomainSummary } from '@/lib/domain-xml/types';
import { XmlSyntaxError } from '@/lib/xml/parse';
import { findVm } from './lifecycle';

export const MAX_XML_CHARS = 1_000_000;

export interface VmDefinition {
  name: string;
  uuid: string;
  live: string | null;
  inactive: string;
  summary: DomainSummary;
}

/**
 * The VM's definitions. `withSecrets` (for those who may edit) includes passwords such as VNC's, so an edit
 * does not silently drop them; everyone else gets libvirt's redacted form.
 */
export async function readDefinition(host: HostContext, name: string, withSecrets: boolean): Promise<VmDefinition> {
  const client = await host.libvirt();
  const dom = await findVm(client, name);
  const secure = withSecrets ? DomainXMLFlags.SECURE : 0;
  const inactive = await client.domains.xml(dom, DomainXMLFlags.INACTIVE | secure);
  const running = dom.id > 0;
  const live = running ? await client.domains.xml(dom, secure) : null;
  const summary = summarizeDomainXml(live ?? inactive);
  return { name: dom.name, uuid: dom.uuid, live, inactive, summary };
}

/**
 * Replaces the persistent definition. Checks well-formedness and identity here, then lets libvirt validate
 * against its schema (VALIDATE): whatever it rejects leaves the old definition in place.
 */
export async function redefine(host: HostContext, name: string, xml: string): Promise<{ before: string; after: string }> {
  if (xml.length > MAX_XML_CHARS) throw new TooLargeError(`The XML is too long (over ${MAX_XML_CHARS.toLocaleString('en')} characters).`);
  const client = await host.libvirt();
  const dom = await findVm(client, name);
  let problem: string | null;
  try {
    problem = checkEditedDomainXml(xml, { name: dom.name, uuid: dom.uuid });
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw new InputError(err.message);
    throw err;
  }
  if (problem) throw new InputError(problem);
  const before = await client.domains.xml(dom, DomainXMLFlags.INACTIVE | DomainXMLFlags.SECURE);
  await client.domains.defineXml(xml, DomainDefineFlags.VALIDATE);
  const after = await client.domains.xml(dom, DomainXMLFlags.INACTIVE | DomainXMLFlags.SECURE);
  return { before, after };
}
