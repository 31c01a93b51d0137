import { DomainEventType, DomainState } from '@/lib/libvirt';
import type { VmState } from './state-names';

export type { VmState } from './state-names';

const byCode: Record<number, VmState> = {
  [DomainState.NOSTATE]: 'no state',
  [DomainState.RUNNING]: 'running',
  [DomainState.BLOCKED]: 'blocked',
  [DomainState.PAUSED]: 'paused',
  [DomainState.SHUTDOWN]: 'shutting down',
  [DomainState.SHUTOFF]: 'shut off',
  [DomainState.CRASHED]: 'crashed',
  [DomainState.PMSUSPENDED]: 'suspended',
};

export function stateName(code: number): VmState {
  return byCode[code] ?? 'no state';
}

/** The state a lifecycle event implies, so pages can update before the full row is re-read. */
export function stateAfterEvent(event: number): VmState | null {
  switch (event) {
    case DomainEventType.STARTED:
    case DomainEventType.RESUMED:
      return 'running';
    case DomainEventType.SUSPENDED:
      return 'paused';
    case DomainEventType.STOPPED:
      return 'shut off';
    case DomainEventType.SHUTDOWN:
      return 'shutting down';
    case DomainEventType.CRASHED:
      return 'crashed';
    case DomainEventType.PMSUSPENDED:
      return 'suspended';
    default:
      return null;
  }
}
