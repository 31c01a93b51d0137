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

export interface AlertWiring {
  /** Every VM's tags on a host (lib/tags), for rules scoped to a tag; without it a tag scope matches no VM. */
  tags?: (host: HostContext) => Promise<(uuid: string) => readonly string[]>;
}

export function alertEngine(host: HostContext, wiring: AlertWiring = {}): AlertEngine {
  const tags = wiring.tags;
  return host.scoped(
    'alerts',
    (h) =>
      new AlertEngine({
        hostId: h.id,
        hostName: h.name,
        notifier: alertNotifier(),
        generatorURL: () => `${externalUrl()}/alerts`,
        tags: tags ? () => tags(h) : undefined,
      }),
  );
}

/** Evaluates a host's rules on each round of its collector (after the collector started); returns what stops it. */
export function startAlerts(host: HostContext, wiring: AlertWiring = {}): () => void {
  const engine = alertEngine(host, wiring);
  return hostMetrics(host).onSample((round) => void engine.evaluate(round));
}
