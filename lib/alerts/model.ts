import { ALL_STATES, type VmState } from '@/lib/vms/state-names';

// What an alert rule can say, shared by the server (validation, evaluation) and the browser (the rule form).
// Pure names and words only: no database, no libvirt.

export const ALERT_METRICS = ['vm.cpu', 'vm.memory', 'vm.disk.read', 'vm.disk.write', 'vm.net.rx', 'vm.net.tx', 'vm.state', 'host.down'] as const;
export type AlertMetric = (typeof ALERT_METRICS)[number];

export const METRIC_LABELS: Record<AlertMetric, string> = {
  'vm.cpu': 'VM CPU (% of its vCPUs)',
  'vm.memory': 'VM memory used (% of what the guest sees)',
  'vm.disk.read': 'VM disk reads (bytes/s, all disks)',
  'vm.disk.write': 'VM disk writes (bytes/s, all disks)',
  'vm.net.rx': 'VM network received (bytes/s, all NICs)',
  'vm.net.tx': 'VM network sent (bytes/s, all NICs)',
  'vm.state': 'VM state',
  'host.down': 'Host down (libvirtd cannot be sampled)',
};

/** The unit a metric's threshold is in, for forms and messages; null: the metric has no threshold. */
export const METRIC_UNITS: Record<AlertMetric, string | null> = {
  'vm.cpu': '%',
  'vm.memory': '%',
  'vm.disk.read': 'bytes/s',
  'vm.disk.write': 'bytes/s',
  'vm.net.rx': 'bytes/s',
  'vm.net.tx': 'bytes/s',
  'vm.state': null,
  'host.down': null,
};

export const NUMBER_COMPARISONS = ['>', '>=', '<', '<='] as const;
export const STATE_COMPARISONS = ['is', 'is-not'] as const;
export type NumberComparison = (typeof NUMBER_COMPARISONS)[number];
export type StateComparison = (typeof STATE_COMPARISONS)[number];
export type AlertComparison = NumberComparison | StateComparison;

export const COMPARISON_LABELS: Record<AlertComparison, string> = {
  '>': 'above',
  '>=': 'at or above',
  '<': 'below',
  '<=': 'at or below',
  is: 'is',
  'is-not': 'is not',
};

/** States a vm.state rule compares with ("is not running" is the usual one). */
export const ALERT_VM_STATES: readonly VmState[] = ALL_STATES.filter((s) => s !== 'no state' && s !== 'blocked');

/**
 * Scopes: every VM (or host), one VM by name, one host by id, or the VMs carrying a tag (lib/tags).
 */
export const ALERT_SCOPES = ['all', 'vm', 'tag', 'host'] as const;
export type AlertScope = (typeof ALERT_SCOPES)[number];

export const SCOPE_LABELS: Record<AlertScope, string> = {
  all: 'Every VM (or every host)',
  vm: 'One VM',
  tag: 'VMs with a tag',
  host: 'One host',
};

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_STATES = ['pending', 'firing', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const RECEIVER_KINDS = ['webhook', 'email'] as const;
export type ReceiverKind = (typeof RECEIVER_KINDS)[number];

export function isStateMetric(m: AlertMetric): boolean {
  return m === 'vm.state';
}

/** host.down has nothing to compare: the host either answered the sample or did not. */
export function hasThreshold(m: AlertMetric): boolean {
  return METRIC_UNITS[m] !== null;
}

/** Longest "for": a day. Longer than that is a report, not an alert. */
export const MAX_FOR_SECONDS = 86_400;
export const MAX_RULE_NAME = 100;

/** A rule as the API and the browser see it. */
export interface AlertRuleView {
  id: string;
  name: string;
  metric: AlertMetric;
  comparison: AlertComparison;
  threshold: number;
  stateValue: string | null;
  forSeconds: number;
  scopeKind: AlertScope;
  scopeValue: string | null;
  severity: AlertSeverity;
  description: string;
  receivers: string[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The condition in words: "VM CPU above 90 % for 5 min". */
export function conditionWords(r: Pick<AlertRuleView, 'metric' | 'comparison' | 'threshold' | 'stateValue' | 'forSeconds'>): string {
  const what =
    r.metric === 'host.down'
      ? 'host down'
      : r.metric === 'vm.state'
        ? `VM state ${COMPARISON_LABELS[r.comparison]} ${r.stateValue ?? '?'}`
        : `${METRIC_LABELS[r.metric].replace(/ \(.*\)$/, '')} ${COMPARISON_LABELS[r.comparison]} ${r.threshold} ${METRIC_UNITS[r.metric]}`;
  return r.forSeconds > 0 ? `${what} for ${durationWords(r.forSeconds)}` : what;
}

export function durationWords(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
