import 'server-only';
import { hostname } from 'node:os';
import { loadSettings } from '@/lib/config/settings';
import type { HostContext } from '@/lib/hosts';
import { hostMetrics } from '@/lib/metrics/collector';
import { processSingleton } from '@/lib/process/singleton';
import { AlertEngine } from './engine';
import { Notifier } from './notifier';

// Wiring: one notifier per process, one engine per host listening to that host's metrics collector.

/** Where people reach this Vireo, for the links in notifications. */
export function externalUrl(): string {
  const s = loadSettings();
  const host = s.host === '0.0.0.0' || s.host === '::' ? hostname() : s.host;
  return `${s.tls.enabled ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${s.port}`;
}

export function alertNotifier(): Notifier {
  return processSingleton('alerts.notifier', () => new Notifier({ externalURL: externalUrl }));
}

export function alertEngine(host: HostContext): AlertEngine {
  return host.scoped(
    'alerts',
    (h) => new AlertEngine({ hostId: h.id, hostName: h.name, notifier: alertNotifier(), generatorURL: () => `${externalUrl()}/alerts` }),
  );
}

/** Evaluates a host's rules on each round of its collector (after the collector started); returns what stops it. */
export function startAlerts(host: HostContext): () => void {
  const engine = alertEngine(host);
  return hostMetrics(host).onSample((round) => void engine.evaluate(round));
}
