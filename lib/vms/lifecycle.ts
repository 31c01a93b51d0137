import { DomainState, type DomainRef, type LibvirtClient } from '@/lib/libvirt';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { checkVmName } from './names';
import { inventory } from './inventory';
import { isTemplateVm } from './vireo-meta';

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

/**
 * Runs one lifecycle action. An action that does not fit whether the VM runs (start a running VM, stop a stopped one)
 * is refused here in plain words: drivers word and code that refusal differently (QEMU calls it an invalid
 * operation, the test driver an internal error). Pausing a paused VM and resuming a running one change nothing, as
 * QEMU answers them. Whatever else does not fit, libvirt refuses and says why.
 */
export async function runLifecycle(host: HostContext, name: string, action: LifecycleAction): Promise<DomainRef> {
  const client = await host.libvirt();
  const dom = await findVm(client, name);
  const d = client.domains;
  const running = dom.id > 0;
  if (action === 'start' && running) throw new ConflictError(`Virtual machine "${dom.name}" is already running.`);
  if (action !== 'start' && !running) throw new ConflictError(`Virtual machine "${dom.name}" is not running.`);
  if (action === 'start' && (await isTemplateVm(client, dom))) {
    throw new ConflictError(`"${dom.name}" is a template, and templates are never started (their disks back linked clones). Clone it, or unmark it first.`);
  }
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
      if ((await d.state(dom)).state !== DomainState.PAUSED) await d.suspend(dom);
      break;
    case 'resume':
      if ((await d.state(dom)).state !== DomainState.RUNNING) await d.resume(dom);
      break;
  }
  return dom;
}
