import 'server-only';
import { loadSettings, type AlertSettings } from '@/lib/config/settings';
import { db } from '@/lib/db/client';
import { log } from '@/lib/log';
import { webhookPayload, type NotifiedAlert, type WebhookPayload } from './alertmanager';
import { DEFAULT_BACKOFF, retryable, retryDelay, type BackoffPolicy } from './backoff';
import { sendEmail } from './email';
import type { ReceiverTarget } from './receivers';
import { postWebhook } from './webhook';

// Delivers notifications to receivers in the background: each receiver on its own, so a slow or dead one never
// holds up another or the evaluation that caused it. Failed webhooks (no answer, 5xx, 408, 429) and emails are
// retried with exponential backoff; every attempt is a row of the delivery log. Retries live in memory: a restart
// drops the ones still waiting (the log shows their last failure).

export interface NotifierOptions {
  backoff?: BackoffPolicy;
  settings?: () => AlertSettings;
  externalURL: () => string;
}

/** Rows kept in the delivery log; older ones are pruned. */
const KEEP_DELIVERIES = 2000;

export class Notifier {
  private readonly backoff: BackoffPolicy;
  private readonly settings: () => AlertSettings;
  private readonly pending = new Set<Promise<void>>();
  private sent = 0;

  constructor(private readonly opts: NotifierOptions) {
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
    this.settings = opts.settings ?? (() => loadSettings().alerts);
  }

  /** Sends `alerts` (one rule's, changed together) to each receiver; returns at once. */
  notify(receivers: readonly ReceiverTarget[], alerts: readonly NotifiedAlert[], status: 'firing' | 'resolved' | 'test' = 'firing'): void {
    if (!alerts.length) return;
    for (const r of receivers) this.track(this.deliver(r, alerts, status));
  }

  /** Resolves when every delivery under way (with its retries) has ended: for tests and shutdown. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  private track(p: Promise<unknown>): void {
    const tracked: Promise<void> = p
      .then(() => undefined)
      .catch((err: unknown) => log().warn({ err }, 'alert delivery failed unexpectedly'))
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  /** One receiver: attempts until one succeeds, the answer is not worth retrying, or the attempts are used up. */
  async deliver(r: ReceiverTarget, alerts: readonly NotifiedAlert[], status: 'firing' | 'resolved' | 'test'): Promise<boolean> {
    const payload = webhookPayload(r.name, alerts, this.opts.externalURL());
    for (let attempt = 1; ; attempt++) {
      const answer = await this.attempt(r, payload);
      const again = answer.error !== null && attempt < this.backoff.attempts && (r.kind === 'email' || retryable(answer.status));
      const outcome = answer.error === null ? 'ok' : again ? 'retrying' : 'failed';
      await this.record(r, status, summaryOf(payload), attempt, outcome, answer.status, answer.error);
      if (!again) return outcome === 'ok';
      await new Promise((resolve) => setTimeout(resolve, retryDelay(attempt, this.backoff)).unref());
    }
  }

  /** A test notification from the receivers page: one attempt, its outcome logged and returned. */
  async test(r: ReceiverTarget, alert: NotifiedAlert): Promise<{ ok: boolean; status: number | null; error: string | null }> {
    const payload = webhookPayload(r.name, [alert], this.opts.externalURL());
    const answer = await this.attempt(r, payload);
    await this.record(r, 'test', summaryOf(payload), 1, answer.error === null ? 'ok' : 'failed', answer.status, answer.error);
    return { ok: answer.error === null, ...answer };
  }

  private async attempt(r: ReceiverTarget, payload: WebhookPayload): Promise<{ status: number | null; error: string | null }> {
    const settings = this.settings();
    if (r.kind === 'webhook') return postWebhook(r.url ?? '', JSON.stringify(payload), r.secret, settings.webhookAllow);
    return { status: null, ...(await sendEmail(r.emails, payload, settings)) };
  }

  private async record(r: ReceiverTarget, status: string, summary: string, attempt: number, outcome: string, httpStatus: number | null, error: string | null) {
    await db().alertDelivery.create({
      data: {
        receiverId: r.id,
        receiverName: r.name,
        kind: r.kind,
        status,
        summary: summary.slice(0, 300),
        attempt,
        outcome,
        httpStatus,
        error: error?.slice(0, 1000) ?? null,
      },
    });
    if (++this.sent % 100 === 0) await pruneDeliveries();
  }
}

function summaryOf(p: WebhookPayload): string {
  return `${p.groupLabels.alertname}: ${p.alerts.length} alert${p.alerts.length === 1 ? '' : 's'} ${p.status}`;
}

async function pruneDeliveries(): Promise<void> {
  const cut = await db().alertDelivery.findFirst({ orderBy: { id: 'desc' }, skip: KEEP_DELIVERIES, select: { id: true } });
  if (cut) await db().alertDelivery.deleteMany({ where: { id: { lte: cut.id } } });
}

export interface DeliveryView {
  id: number;
  at: string;
  receiverId: string;
  receiverName: string;
  kind: string;
  status: string;
  summary: string;
  attempt: number;
  outcome: string;
  httpStatus: number | null;
  error: string | null;
}

export async function listDeliveries(limit = 200): Promise<DeliveryView[]> {
  const rows = await db().alertDelivery.findMany({ orderBy: { id: 'desc' }, take: Math.min(Math.max(limit, 1), 500) });
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
