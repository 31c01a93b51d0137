import { createHash } from 'node:crypto';

// Notifications in Alertmanager's webhook format (version 4), so receivers written for Prometheus (chat bridges,
// incident tools, scripts) take Vireo's alerts unchanged. One notification carries the alerts of one rule that
// changed together, like an Alertmanager group keyed by alertname.

export interface NotifiedAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** ISO times; endsAt is Alertmanager's zero time while firing. */
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
}

export interface WebhookPayload {
  version: '4';
  groupKey: string;
  truncatedAlerts: number;
  status: 'firing' | 'resolved';
  receiver: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  alerts: NotifiedAlert[];
}

/** What Alertmanager sends as the end of an alert that has not ended. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

/** A stable id of an alert from its labels (sorted, so their order does not matter): 16 hex digits. */
export function fingerprintOf(labels: Record<string, string>): string {
  const h = createHash('sha256');
  for (const k of Object.keys(labels).sort()) h.update(`${k}\u0000${labels[k]}\u0000`);
  return h.digest('hex').slice(0, 16);
}

/** Labels and annotations every alert in the list has with the same value. */
export function common(maps: readonly Record<string, string>[]): Record<string, string> {
  if (!maps.length) return {};
  const [first, ...rest] = maps;
  return Object.fromEntries(Object.entries(first!).filter(([k, v]) => rest.every((m) => m[k] === v)));
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

export function webhookPayload(receiver: string, alerts: readonly NotifiedAlert[], externalURL: string): WebhookPayload {
  const alertname = alerts[0]?.labels.alertname ?? '';
  return {
    version: '4',
    groupKey: `{}:{alertname="${escapeLabel(alertname)}"}`,
    truncatedAlerts: 0,
    // The group fires while any of its alerts does.
    status: alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
    receiver,
    groupLabels: { alertname },
    commonLabels: common(alerts.map((a) => a.labels)),
    commonAnnotations: common(alerts.map((a) => a.annotations)),
    externalURL,
    alerts: [...alerts],
  };
}
