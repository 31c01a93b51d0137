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

const byEvent: Record<number, VmState> = {
  [DomainEventType.STARTED]: 'running',
  [DomainEventType.RESUMED]: 'running',
  [DomainEventType.SUSPENDED]: 'paused',
  [DomainEventType.STOPPED]: 'shut off',
  [DomainEventType.SHUTDOWN]: 'shutting down',
  [DomainEventType.CRASHED]: 'crashed',
  [DomainEventType.PMSUSPENDED]: 'suspended',
};

/** The state a lifecycle event implies, so pages can update before the full row is re-read. */
export function stateAfterEvent(event: number): VmState | null {
  return byEvent[event] ?? null;
}
