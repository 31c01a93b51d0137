import { describe, expect, it } from 'vitest';
import { applyFleetEvent, applyLiveEvent, fleetRows, rowOf } from './live-cache';
import type { VmList, VmRow } from './types';

const row = (name: string, over: Partial<VmRow> = {}): VmRow => ({
  uuid: `uuid-${name}`,
  name,
  id: -1,
  state: 'shut off',
  vcpus: 1,
  memoryKiB: 1024,
  maxMemKiB: 1024,
  autostart: false,
  ips: [],
  ...over,
});

describe('the live feed in the cached VM list', () => {
  const list: VmList = { vms: [row('a'), row('b')] };

  it('replaces the list on a snapshot or a reset', () => {
    expect(applyLiveEvent(undefined, { type: 'snapshot', rows: [row('c')] })).toEqual({ vms: [row('c')] });
    expect(applyLiveEvent(list, { type: 'change', change: { type: 'reset', rows: [] } })).toEqual({ vms: [] });
  });

  it('adds a new VM at the end and replaces a known one in place', () => {
    const added = applyLiveEvent(list, { type: 'change', change: { type: 'upsert', row: row('c') } });
    expect(added!.vms.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    const changed = applyLiveEvent(list, { type: 'change', change: { type: 'upsert', row: row('a', { vcpus: 4 }) } });
    expect(changed!.vms.map((r) => [r.name, r.vcpus])).toEqual([
      ['a', 4],
      ['b', 1],
    ]);
    expect(changed!.vms[1]).toBe(list.vms[1]);
  });

  it('changes only the state of a state event, keeping the other rows as they were', () => {
    const next = applyLiveEvent(list, { type: 'change', change: { type: 'state', uuid: 'uuid-b', name: 'b', state: 'running' } });
    expect(next!.vms[1]).toEqual(row('b', { state: 'running' }));
    expect(next!.vms[0]).toBe(list.vms[0]);
    expect(list.vms[1]!.state).toBe('shut off');
  });

  it('leaves the list as it is when nothing changes (same state, unknown VM)', () => {
    expect(applyLiveEvent(list, { type: 'change', change: { type: 'state', uuid: 'uuid-a', name: 'a', state: 'shut off' } })).toBe(list);
    expect(applyLiveEvent(list, { type: 'change', change: { type: 'state', uuid: 'nope', name: 'x', state: 'running' } })).toBe(list);
    expect(applyLiveEvent(list, { type: 'change', change: { type: 'remove', uuid: 'nope', name: 'x' } })).toBe(list);
  });

  it('removes a deleted VM', () => {
    expect(applyLiveEvent(list, { type: 'change', change: { type: 'remove', uuid: 'uuid-a', name: 'a' } })).toEqual({ vms: [row('b')] });
  });

  it('ignores deltas before the first snapshot, which carries them', () => {
    expect(applyLiveEvent(undefined, { type: 'change', change: { type: 'upsert', row: row('a') } })).toBeUndefined();
  });

  it('finds a VM by uuid: undefined before the feed answered, null once it is known to be gone', () => {
    expect(rowOf(undefined, 'uuid-a')).toBeUndefined();
    expect(rowOf(list, 'uuid-a')).toBe(list.vms[0]);
    expect(rowOf(list, 'uuid-z')).toBeNull();
  });
});

describe('the fleet list', () => {
  const vm = (name: string, uuid: string) => row(name, { uuid });
  const open = { host: 'h1', state: 'open' as const, problem: null, downSince: null };
  it('keeps each host apart, and shows the VMs of a host that went down as unknown, not missing', () => {
    let list = applyFleetEvent(undefined, 'local', { type: 'snapshot', rows: [vm('a', 'u1')] });
    list = applyFleetEvent(list, 'h1', { type: 'status', status: open });
    list = applyFleetEvent(list, 'h1', { type: 'snapshot', rows: [vm('a', 'u1'), vm('b', 'u2')] });
    list = applyFleetEvent(list, 'h1', { type: 'change', change: { type: 'remove', uuid: 'u2', name: 'b' } });
    expect(fleetRows(list)!.map((r) => `${r.host}/${r.name}/${r.unknown}`)).toEqual(['local/a/false', 'h1/a/false']);
    list = applyFleetEvent(list, 'h1', { type: 'status', status: { ...open, state: 'reconnecting', problem: 'gone', downSince: '2026-12-01T00:00:00Z' } });
    expect(fleetRows(list)!.map((r) => `${r.host}/${r.name}/${r.unknown}`)).toEqual(['local/a/false', 'h1/a/true']);
  });
});
