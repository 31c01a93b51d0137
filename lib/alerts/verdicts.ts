import { isActive, type DomainSnapshot } from '@/lib/metrics/domain-stats';
import type { Point } from '@/lib/metrics/point';
import { stateName } from '@/lib/vms/state';
import type { AlertComparison, AlertMetric, AlertScope } from './model';
import type { Verdict } from './state-machine';

// What one sample says about one rule: for each subject in the rule's scope (a VM, or the host for host.down),
// whether the condition holds and the value it was judged on. Pure, so every metric and scope is tested without a
// libvirtd.

export interface RuleCondition {
  metric: AlertMetric;
  comparison: AlertComparison;
  threshold: number;
  stateValue: string | null;
  scopeKind: AlertScope;
  scopeValue: string | null;
}

/** The round the collector reported (lib/metrics SampleEvent), with the host it was about. */
export type SampleRound =
  | { ok: true; at: number; domains: readonly DomainSnapshot[]; points: ReadonlyMap<string, Point> }
  | { ok: false; at: number; error: string };

export interface SubjectVerdict {
  /** The VM's UUID, or 'host'. */
  key: string;
  name: string;
  verdict: Verdict;
  value: number | null;
  /** Words for the notification: the VM's state, or why the host could not be sampled. */
  note?: string;
}

export interface VerdictContext {
  hostId: string;
  hostName: string;
  /** A VM's tags (lib/tags); without it a tag scope matches no VM. */
  tagsOf?: (uuid: string) => readonly string[];
}

export const HOST_SUBJECT = 'host';

export function verdictsOf(rule: RuleCondition, round: SampleRound, ctx: VerdictContext): SubjectVerdict[] {
  if (rule.scopeKind === 'host' && rule.scopeValue !== ctx.hostId) return [];
  if (rule.metric === 'host.down') {
    if (rule.scopeKind === 'vm' || rule.scopeKind === 'tag') return [];
    return [{ key: HOST_SUBJECT, name: ctx.hostName, verdict: !round.ok, value: null, ...(round.ok ? {} : { note: round.error }) }];
  }
  // A host that could not be sampled says nothing about its VMs: their alerts keep their state.
  if (!round.ok) return [];
  return round.domains.filter((d) => inScope(rule, d, ctx)).map((d) => vmVerdict(rule, d, round.points.get(d.uuid)));
}

function inScope(rule: RuleCondition, d: DomainSnapshot, ctx: VerdictContext): boolean {
  switch (rule.scopeKind) {
    case 'all':
    case 'host':
      return true;
    case 'vm':
      return rule.scopeValue === d.name || rule.scopeValue === d.uuid;
    case 'tag':
      return rule.scopeValue !== null && (ctx.tagsOf?.(d.uuid) ?? []).includes(rule.scopeValue);
  }
}

function vmVerdict(rule: RuleCondition, d: DomainSnapshot, point: Point | undefined): SubjectVerdict {
  const base = { key: d.uuid, name: d.name };
  const state = stateName(d.state);
  if (rule.metric === 'vm.state') {
    // "blocked" is a running vCPU waiting on the host: running, as far as anyone watching a VM is concerned.
    const actual = state === 'blocked' ? 'running' : state;
    const same = actual === rule.stateValue;
    return { ...base, verdict: rule.comparison === 'is' ? same : !same, value: null, note: state };
  }
  // A VM that is not running uses nothing: its alerts resolve. A running one whose rate is not known yet (its first
  // sample) is not judged.
  if (!isActive(d)) return { ...base, verdict: false, value: null, note: state };
  const value = point ? valueOf(rule.metric, point) : null;
  if (value === null) return { ...base, verdict: null, value: null };
  return { ...base, verdict: compare(value, rule.comparison, rule.threshold), value };
}

/** The number a metric reads from a VM's point; sums over every disk or NIC; null when not known. */
export function valueOf(metric: AlertMetric, p: Point): number | null {
  switch (metric) {
    case 'vm.cpu':
      return p.cpu ?? null;
    case 'vm.memory': {
      const total = p.memAvailable ?? p.memBalloon;
      return p.memUsed !== undefined && total ? (p.memUsed / total) * 100 : null;
    }
    case 'vm.disk.read':
      return sumOf(p, 'disk/', '/readBps');
    case 'vm.disk.write':
      return sumOf(p, 'disk/', '/writeBps');
    case 'vm.net.rx':
      return sumOf(p, 'nic/', '/rxBps');
    case 'vm.net.tx':
      return sumOf(p, 'nic/', '/txBps');
    default:
      return null;
  }
}

function sumOf(p: Point, prefix: string, suffix: string): number | null {
  let sum: number | null = null;
  for (const [k, v] of Object.entries(p)) if (k.startsWith(prefix) && k.endsWith(suffix)) sum = (sum ?? 0) + v;
  return sum;
}

export function compare(value: number, comparison: AlertComparison, threshold: number): boolean {
  switch (comparison) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    default:
      return false;
  }
}
