import { DomainEventType, DomainState } from '@/lib/libvirt';
import type { VmState } from './state-names';

export type { VmState } from './state-names';

// One row a state: the DomainState code libvirt reports for it, and the lifecycle events that lead into it.
const STATES: { state: VmState; code: number; after: number[] }[] = [
  { state: 'no state', code: DomainState.NOSTATE, after: [] },
  { state: 'running', code: DomainState.RUNNING, after: [DomainEventType.STARTED, DomainEventType.RESUMED] },
  { state: 'blocked', code: DomainState.BLOCKED, after: [] },
  { state: 'paused', code: DomainState.PAUSED, after: [DomainEventType.SUSPENDED] },
  { state: 'shutting down', code: DomainState.SHUTDOWN, after: [DomainEventType.SHUTDOWN] },
  { state: 'shut off', code: DomainState.SHUTOFF, after: [DomainEventType.STOPPED] },
  { state: 'crashed', code: DomainState.CRASHED, after: [DomainEventType.CRASHED] },
  { state: 'suspended', code: DomainState.PMSUSPENDED, after: [DomainEventType.PMSUSPENDED] },
];

const byCode = new Map(STATES.map((s) => [s.code, s.state] as const));
const byEvent = new Map(STATES.flatMap((s) => s.after.map((event) => [event, s.state] as const)));

export function stateName(code: number): VmState {
  return byCode.get(code) ?? 'no state';
}

/** The state a lifecycle event implies, so pages can update before the full row is re-read. */
export function stateAfterEvent(event: number): VmState | null {
  return byEvent.get(event) ?? null;
}
