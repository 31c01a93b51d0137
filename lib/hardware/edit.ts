import type { HostContext } from '@/lib/hosts';
import { loadVm, withVmLock, type VmContext } from './context';
import { checkScope, type Changed } from './scope';
import type { ChangeOutcome, ChangeScope } from './types';
import { hardwareOf } from './view';

/**
 * One edit of a VM's hardware: under the VM's lock, on a fresh read of the VM, with the scope checked before
 * anything else (`what` names the change in a refusal). Answers with what took effect and the hardware after it.
 */
export function editVm(host: HostContext, name: string, scope: ChangeScope, what: string, edit: (ctx: VmContext) => Promise<ChangeOutcome>): Promise<Changed> {
  return withVmLock(host, name, async () => {
    const ctx = await loadVm(host, name);
    checkScope(scope, ctx, what);
    const outcome = await edit(ctx);
    return { outcome, hardware: await hardwareOf(await loadVm(host, name)) };
  });
}
