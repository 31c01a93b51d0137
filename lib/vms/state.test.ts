import { describe, expect, it } from 'vitest';
import { DomainEventType, DomainState } from '@/lib/libvirt';
import { stateAfterEvent, stateName } from './state';

describe('VM states', () => {
  it('names every DomainState code, and an unknown one as no state', () => {
    const names = Object.values(DomainState).map((code) => stateName(code));
    expect(names).toEqual(['no state', 'running', 'blocked', 'paused', 'shutting down', 'shut off', 'crashed', 'suspended']);
    expect(stateName(99)).toBe('no state');
  });

  it('tells the state each lifecycle event leads into (none for defining and undefining)', () => {
    const after = Object.values(DomainEventType).map((event) => stateAfterEvent(event));
    expect(after).toEqual([null, null, 'running', 'paused', 'running', 'shut off', 'shutting down', 'suspended', 'crashed']);
  });
});
