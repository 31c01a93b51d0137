import { DomainXMLFlags, type LibvirtClient } from '@/lib/libvirt';
import { Domain } from '@/lib/domain-xml/domain';

// Every domain's definitions, for the questions "who uses this?" (a volume, a MAC address, a network): the
// persistent definition (it comes back at next boot) and, for a running domain, the live one (a device may have
// been hot-plugged without being saved, or hot-unplugged while still defined).

export interface DomainDefinitions {
  name: string;
  uuid: string;
  running: boolean;
  /** The persistent definition first, then the live one when the domain runs; one that cannot be read is left out. */
  definitions: Domain[];
}

/** How many domains are read at once: enough to hide the round trips, few enough not to flood libvirtd. */
const CONCURRENCY = 16;

export async function everyDefinition(client: LibvirtClient): Promise<DomainDefinitions[]> {
  const doms = await client.domains.listAll();
  const out: DomainDefinitions[] = new Array<DomainDefinitions>(doms.length);
  let next = 0;
  const worker = async () => {
    while (next < doms.length) {
      const i = next++;
      const dom = doms[i]!;
      const running = dom.id > 0;
      const xmls = await Promise.all([
        client.domains.xml(dom, DomainXMLFlags.INACTIVE).catch(() => null),
        running ? client.domains.xml(dom).catch(() => null) : null,
      ]);
      out[i] = { name: dom.name, uuid: dom.uuid, running, definitions: xmls.flatMap((xml) => parsed(xml)) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, doms.length) }, worker));
  return out;
}

// A domain gone between the list and the read, or a definition Vireo cannot parse, claims nothing.
function parsed(xml: string | null): Domain[] {
  if (!xml) return [];
  try {
    return [Domain.parse(xml)];
  } catch {
    return [];
  }
}
