import type { LibvirtClient, DomainRef } from '../../lib/libvirt';
import { TAGS_NS } from '../../lib/domain-xml/vm-tags';

// The domains of one fleet-bench host: `perHost` test-driver domains, every other one running, each with one NIC
// whose MAC says which host and VM it is (52:54:00:HH:VV:VV) and a tag or two in Vireo's metadata, so the
// inventory reads what it reads on a real host.

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

export const fleetVmName = (host: number, vm: number) => `h${String(host).padStart(3, '0')}-vm${String(vm).padStart(3, '0')}`;
export const fleetMac = (host: number, vm: number) => `52:54:00:${hex2(host)}:${hex2(vm >> 8)}:${hex2(vm & 0xff)}`;

function domainXml(host: number, vm: number): string {
  const tags = [vm % 2 ? 'web' : 'db', `rack-${host % 10}`];
  return `<domain type='test'>
  <name>${fleetVmName(host, vm)}</name>
  <memory unit='KiB'>${(512 + (vm % 4) * 512) * 1024}</memory>
  <vcpu>${1 + (vm % 4)}</vcpu>
  <metadata>
    <vireo-tags:tags xmlns:vireo-tags='${TAGS_NS}'>${tags.map((t) => `<vireo-tags:tag>${t}</vireo-tags:tag>`).join('')}</vireo-tags:tags>
  </metadata>
  <os><type arch='x86_64'>hvm</type></os>
  <devices>
    <interface type='network'><mac address='${fleetMac(host, vm)}'/><source network='default'/><model type='virtio'/></interface>
  </devices>
</domain>`;
}

/**
 * Replaces the test driver's sample domain with `perHost` of ours; even-numbered ones are started. Returns the
 * running ones (the events are made on them).
 */
export async function defineFleetHost(client: LibvirtClient, host: number, perHost: number): Promise<DomainRef[]> {
  for (const dom of await client.domains.listAll()) {
    if (dom.id > 0) await client.domains.destroy(dom);
    await client.domains.undefine(dom);
  }
  const running: DomainRef[] = [];
  await Promise.all(
    Array.from({ length: perHost }, async (_, vm) => {
      const dom = await client.domains.defineXml(domainXml(host, vm));
      if (vm % 2 === 0) running.push(await client.domains.create(dom));
    }),
  );
  return running;
}
