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

/** At most this share of a collector round passes before a host's rules are evaluated (see startAlerts). */
const SPREAD_OF_ROUND = 0.3;

/**
 * Evaluates a host's rules on each round of its collector (after the collector started); returns what stops it.
 * Every host's collector reports at the same instant (rounds are aligned to the clock) and an evaluation is a few
 * database queries: each host waits its own fixed share of the round, so a fleet's evaluations are spread out
 * instead of holding up live updates all at once (a 100-host fleet's made 300 queries in one burst).
 */
export function startAlerts(host: HostContext, wiring: AlertWiring = {}): () => void {
  const engine = alertEngine(host, wiring);
  const delayMs = Math.random() * SPREAD_OF_ROUND * (loadSettings().metricsIntervalSeconds ?? 0) * 1000;
  const pending = new Set<NodeJS.Timeout>();
  const stop = hostMetrics(host).onSample((round) => {
    const timer = setTimeout(() => {
      pending.delete(timer);
      void engine.evaluate(round);
    }, delayMs);
    pending.add(timer);
  });
  return () => {
    stop();
    for (const t of pending) clearTimeout(t);
  };
}
