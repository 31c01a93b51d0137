import type { LifecycleAction, VmState } from '@/components/data/types';

export const labels: Record<LifecycleAction, string> = {
  start: 'Start',
  shutdown: 'Shut down',
  destroy: 'Force off',
  reboot: 'Reboot',
  suspend: 'Pause',
  resume: 'Resume',
};

/** Actions that lose guest state if done by mistake ask first. */
export const needsConfirm = new Set<LifecycleAction>(['destroy', 'reboot']);

/** A template is never started (its disks are read-only under linked clones), so it is not offered Start. */
export function actionsFor(state: VmState, template = false): LifecycleAction[] {
  switch (state) {
    case 'shut off':
    case 'crashed':
      return template ? [] : ['start'];
    case 'paused':
      return ['resume', 'destroy'];
    case 'shutting down':
      return ['destroy'];
    case 'suspended':
      return ['destroy'];
    default:
      return ['shutdown', 'reboot', 'suspend', 'destroy'];
  }
}

export function confirmText(action: LifecycleAction, names: string[]): string {
  const who = names.length === 1 ? `"${names[0]}"` : `${names.length} virtual machines`;
  return action === 'destroy'
    ? `Force off ${who}? This is like pulling the power plug: unsaved data in the guest is lost.`
    : `Reboot ${who}? Programs running in the guest are stopped.`;
}
