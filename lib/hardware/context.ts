import type { Document } from '@xmldom/xmldom';
import { DomainDefineFlags, DomainState, DomainXMLFlags, type DomainRef, type LibvirtClient } from '@/lib/libvirt';
import type { HostContext } from '@/lib/hosts';
import { findVm } from '@/lib/vms/lifecycle';
import { Domain } from '@/lib/domain-xml/domain';
import { parseXml, serializeXml } from '@/lib/xml/parse';
import { domainCaps, type DomainCaps } from './capabilities';

// Everything one hardware read or edit needs: the domain, both of its definitions as parsed documents, and the
// hypervisor's capabilities for its machine type.

export interface VmContext {
  host: HostContext;
  client: LibvirtClient;
  dom: DomainRef;
  running: boolean;
  /** Persistent definition (with secrets, so a redefinition keeps e.g. the VNC password). */
  inactiveXml: string;
  inactive: Document;
  liveXml: string | null;
  live: Document | null;
}

export async function loadVm(host: HostContext, name: string): Promise<VmContext> {
  const c = await host.libvirt();
  const dom = await findVm(c, name);
  const { state } = await c.domains.state(dom);
  // Running or paused (anything but shut off / crashed) has a live definition.
  const running = dom.id > 0 && state !== DomainState.SHUTOFF;
  const [inactiveXml, liveXml] = await Promise.all([
    c.domains.xml(dom, DomainXMLFlags.INACTIVE | DomainXMLFlags.SECURE),
    running ? c.domains.xml(dom, DomainXMLFlags.SECURE) : Promise.resolve(null),
  ]);
  return { host, client: c, dom, running, inactiveXml, inactive: parseXml(inactiveXml), liveXml, live: liveXml ? parseXml(liveXml) : null };
}

export function capsFor(ctx: VmContext): Promise<DomainCaps> {
  const d = Domain.of(ctx.live ?? ctx.inactive);
  return domainCaps(ctx.client, { emulator: d.emulator, arch: d.os.arch, machine: d.os.machine, virtType: d.type });
}

/** Writes an edited persistent definition; libvirt validates it against its schema and keeps the old one on error. */
export async function definePersistent(ctx: VmContext, doc: Document): Promise<void> {
  await ctx.client.domains.defineXml(serializeXml(doc), DomainDefineFlags.VALIDATE);
}

// One edit at a time per VM of a host in this process: edits read a definition, change it and write it back, so
// two at once could lose one.
export async function withVmLock<T>(host: HostContext, name: string, fn: () => Promise<T>): Promise<T> {
  const locks = host.scoped('hardware.edit-locks', () => new Map<string, Promise<unknown>>());
  const prev = locks.get(name) ?? Promise.resolve();
  const run = prev.catch(() => undefined).then(fn);
  const tail = run.catch(() => undefined);
  locks.set(name, tail);
  try {
    return await run;
  } finally {
    if (locks.get(name) === tail) locks.delete(name);
  }
}
