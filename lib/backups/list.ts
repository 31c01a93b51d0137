import 'server-only';
import { DomainState, DomainXMLFlags, isUuid } from '@/lib/libvirt';
import { Domain } from '@/lib/domain-xml/domain';
import { NotFoundError, isLibvirtError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { chainHealth } from './health';
import { backupDisks } from './plan';
import { pointView, vmPoints } from './store';
import type { VmBackups } from './types';

// What the Backups tab shows: a VM's points (newest first, each with its chain) and whether the next backup can be
// incremental, with the reason in words when it cannot.

export async function vmBackups(host: HostContext, vmName: string): Promise<VmBackups> {
  const client = await host.libvirt();
  let dom;
  try {
    dom = await client.domains.lookupByName(vmName);
  } catch (err) {
    if (isLibvirtError(err)) throw new NotFoundError(`There is no VM named "${vmName}".`);
    throw err;
  }
  const points = (await vmPoints(host.id, dom.uuid)).map(pointView);
  const running = (await client.domains.state(dom)).state !== DomainState.SHUTOFF;
  const last = points.find((p) => p.status === 'ok');
  const targets = backupDisks(Domain.parse(await client.domains.xml(dom, DomainXMLFlags.INACTIVE))).map((d) => d.target);
  const chain = await chainHealth(client, dom, running, targets, last ? { checkpoint: last.checkpoint, targets: last.disks.map((d) => d.target) } : null);
  return { points, chain, running };
}

/** The `{point}` of /api/vms/{name}/backups/{point}: ids are UUIDs. */
export function isPointId(s: string): boolean {
  return isUuid(s);
}
