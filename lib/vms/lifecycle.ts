import type { DomainRef, LibvirtClient } from '@/lib/libvirt';
import { NotFoundError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { checkVmName } from './names';
import { inventory } from './inventory';

export const LIFECYCLE_ACTIONS = ['start', 'shutdown', 'destroy', 'reboot', 'suspend', 'resume'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export function isLifecycleAction(v: unknown): v is LifecycleAction {
  return typeof v === 'string' && (LIFECYCLE_ACTIONS as readonly string[]).includes(v);
}

/** The domain named `name` on this connection; a name Vireo would never give is not found without asking libvirt. */
export async function findVm(client: LibvirtClient, name: string): Promise<DomainRef> {
  const bad = checkVmName(name);
  if (bad) throw new NotFoundError(bad);
  return client.domains.lookupByName(name);
}

/** Runs one lifecycle action. libvirt refuses what does not fit the state (e.g. pause a stopped VM) and says why. */
export async function runLifecycle(host: HostContext, name: string, action: LifecycleAction): Promise<DomainRef> {
  const client = await host.libvirt();
  const dom = await findVm(client, name);
  const d = client.domains;
  switch (action) {
    case 'start':
      await d.create(dom);
      break;
    case 'shutdown':
      await d.shutdown(dom); // ACPI power button: the guest decides when it is off
      inventory(host).shutdownRequested(dom);
      break;
    case 'destroy':
      await d.destroy(dom);
      break;
    case 'reboot':
      await d.reboot(dom);
      break;
    case 'suspend':
      await d.suspend(dom);
      break;
    case 'resume':
      await d.resume(dom);
      break;
  }
  return dom;
}
