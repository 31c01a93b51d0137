import { describe, expect, it } from 'vitest';
import type { DomainSnapshot } from '@/lib/metrics/domain-stats';
import type { Point } from '@/lib/metrics/point';
import { verdictsOf, type RuleCondition, type SampleRound } from './verdicts';

const RUNNING = 1;
const PAUSED = 3;
const SHUTOFF = 5;

function dom(name: string, state: number): DomainSnapshot {
  return { uuid: `uuid-${name}`, name, id: state === SHUTOFF ? -1 : 7, state, reason: 0 } as DomainSnapshot;
}

function round(domains: DomainSnapshot[], points: Record<string, Point>): SampleRound {
  return { ok: true, at: 1000, domains, points: new Map(Object.entries(points).map(([n, p]) => [`uuid-${n}`, p])) };
}

const ctx = { hostId: 'local', hostName: 'local host' };
const cpuOver = (threshold: number, scope: Partial<RuleCondition> = {}): RuleCondition => ({
  metric: 'vm.cpu',
  comparison: '>',
  threshold,
  stateValue: null,
  scopeKind: 'all',
  scopeValue: null,
  ...scope,
});

describe('alert verdicts', () => {
  const vms = [dom('web', RUNNING), dom('db', RUNNING), dom('old', SHUTOFF), dom('new', RUNNING)];
  const points = { web: { cpu: 95 }, db: { cpu: 10 }, new: {} };

  it('judge every VM in scope: over, under, stopped (false) and not yet known (null)', () => {
    expect(verdictsOf(cpuOver(90), round(vms, points), ctx).map((v) => [v.name, v.verdict, v.value])).toEqual([
      ['web', true, 95],
      ['db', false, 10],
      ['old', false, null],
      ['new', null, null],
    ]);
  });

  it('scope one VM by name or UUID, or one host', () => {
    expect(verdictsOf(cpuOver(90, { scopeKind: 'vm', scopeValue: 'db' }), round(vms, points), ctx).map((v) => v.name)).toEqual(['db']);
    expect(verdictsOf(cpuOver(90, { scopeKind: 'vm', scopeValue: 'uuid-web' }), round(vms, points), ctx).map((v) => v.name)).toEqual(['web']);
    expect(verdictsOf(cpuOver(90, { scopeKind: 'host', scopeValue: 'local' }), round(vms, points), ctx)).toHaveLength(4);
    expect(verdictsOf(cpuOver(90, { scopeKind: 'host', scopeValue: 'other' }), round(vms, points), ctx)).toEqual([]);
  });

  it('scope a tag: the VMs carrying it (none until VMs have tags)', () => {
    const rule = cpuOver(90, { scopeKind: 'tag', scopeValue: 'prod' });
    expect(verdictsOf(rule, round(vms, points), ctx)).toEqual([]);
    const tagsOf = (uuid: string) => (uuid === 'uuid-web' ? ['prod'] : []);
    expect(verdictsOf(rule, round(vms, points), { ...ctx, tagsOf }).map((v) => v.name)).toEqual(['web']);
  });

  it('sum disk and network rates over every device, and read memory as a percentage', () => {
    const p = { 'disk/vda/writeBps': 100, 'disk/vdb/writeBps': 50, 'disk/vda/readBps': 1, 'nic/52:54:00:00:00:01/rxBps': 7, memUsed: 512, memAvailable: 1024 };
    const r = round([dom('web', RUNNING)], { web: p });
    const value = (metric: RuleCondition['metric']) => verdictsOf({ ...cpuOver(0), metric }, r, ctx)[0]!.value;
    expect(value('vm.disk.write')).toBe(150);
    expect(value('vm.disk.read')).toBe(1);
    expect(value('vm.net.rx')).toBe(7);
    expect(value('vm.net.tx')).toBeNull(); // no NIC reported a send rate
    expect(value('vm.memory')).toBe(50);
  });

  it('compare states: "is not running" holds for paused and shut off VMs', () => {
    const rule: RuleCondition = { ...cpuOver(0), metric: 'vm.state', comparison: 'is-not', stateValue: 'running' };
    const r = round([dom('a', RUNNING), dom('b', PAUSED), dom('c', SHUTOFF)], {});
    expect(verdictsOf(rule, r, ctx).map((v) => [v.name, v.verdict, v.note])).toEqual([
      ['a', false, 'running'],
      ['b', true, 'paused'],
      ['c', true, 'shut off'],
    ]);
    expect(verdictsOf({ ...rule, comparison: 'is', stateValue: 'paused' }, r, ctx).map((v) => v.verdict)).toEqual([false, true, false]);
  });

  it('say a host is down when its round failed, and nothing about its VMs then', () => {
    const down: SampleRound = { ok: false, at: 1, error: 'connection refused' };
    const rule: RuleCondition = { ...cpuOver(0), metric: 'host.down' };
    expect(verdictsOf(rule, down, ctx)).toEqual([{ key: 'host', name: 'local host', verdict: true, value: null, note: 'connection refused' }]);
    expect(verdictsOf(rule, round([], {}), ctx)[0]!.verdict).toBe(false);
    expect(verdictsOf(cpuOver(1), down, ctx)).toEqual([]);
    expect(verdictsOf({ ...rule, scopeKind: 'host', scopeValue: 'elsewhere' }, down, ctx)).toEqual([]);
  });
});
