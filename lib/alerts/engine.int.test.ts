import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainSnapshot } from '@/lib/metrics/domain-stats';
import type { Point } from '@/lib/metrics/point';
import { startSmtpSink, type SmtpSink } from '@/test/support/smtp-sink';
import { AlertEngine } from './engine';
import { receiverBody, ruleBody, silenceBody } from './inputs';
import { listAlerts } from './instances';
import { Notifier, listDeliveries } from './notifier';
import { createReceiver, listReceivers } from './receivers';
import { createRule, deleteRule } from './rules';
import { verifySignature } from './signing';
import { createSilence, expireSilence, listSilences } from './silences';
import { listAudit } from '@/lib/audit/log';
import { withTestDatabase } from '@/test/support/with-test-database';
import { startWebhookSink, type WebhookSink } from '@/test/support/webhook-sink';
import type { WebhookPayload } from './alertmanager';
import type { SampleRound } from './verdicts';

// The engine against a real (SQLite) database and loopback receivers, fed made-up collector rounds so every step is
// at a known time: pending → firing (webhook retried after a 503, signed; an email), a restart that neither forgets
// nor repeats, resolved, silences, the audit trail and the delivery log. The TCG guest test (alerts.int.test.ts)
// does the same end to end with a real busy loop.

let hook: WebhookSink;
let smtp: SmtpSink;
const SECRET = 'a-webhook-secret-for-tests';
withTestDatabase();

function dom(name: string, running = true): DomainSnapshot {
  return { uuid: `00000000-0000-4000-8000-00000000000${name.length}`, name, id: running ? 3 : -1, state: running ? 1 : 5, reason: 0 } as DomainSnapshot;
}

const web = dom('web');
/** Rounds are at T0 + s: ten minutes ago, so resolved alerts still count as recent and silences made now apply from s = 600. */
const T0 = Math.floor(Date.now() / 1000) - 600;
const iso = (s: number) => new Date((T0 + s) * 1000).toISOString();
function round(s: number, cpu: number): SampleRound {
  const points = new Map<string, Point>([[web.uuid, { cpu }]]);
  return { ok: true, at: (T0 + s) * 1000, domains: [web], points };
}

let notifier: Notifier;
function engine() {
  return new AlertEngine({ hostId: 'local', hostName: 'lab', notifier, generatorURL: () => 'https://vireo.test/alerts' });
}

beforeAll(async () => {
  hook = await startWebhookSink();
  smtp = await startSmtpSink();
  process.env.VIREO_ALERT_WEBHOOK_ALLOW = '127.0.0.1';
  process.env.VIREO_SMTP_URL = smtp.url;
  process.env.VIREO_SMTP_FROM = 'vireo@lab.test';
  notifier = new Notifier({ externalURL: () => 'https://vireo.test', backoff: { baseMs: 50, maxMs: 200, attempts: 4 } });
});

afterAll(async () => {
  await notifier?.idle();
  await hook?.close();
  await smtp?.close();
  delete process.env.VIREO_ALERT_WEBHOOK_ALLOW;
  delete process.env.VIREO_SMTP_URL;
  delete process.env.VIREO_SMTP_FROM;
});

describe('alert engine', () => {
  let ruleId = '';

  it('refuses a webhook on loopback unless VIREO_ALERT_WEBHOOK_ALLOW lets it through', async () => {
    const body = receiverBody.parse({ name: 'internal', kind: 'webhook', url: 'http://127.0.0.2/hook' });
    await expect(createReceiver(body)).rejects.toThrow(/loopback, private, link-local/);
  });

  it('goes pending, then fires after "for" to a signed webhook (retried after a 503) and an email', async () => {
    const { receiver: wh, secret } = await createReceiver(receiverBody.parse({ name: 'hook', kind: 'webhook', url: hook.url, secret: SECRET }));
    expect(secret).toBeNull(); // the admin typed it: nothing to show
    expect(wh.signed).toBe(true);
    expect(JSON.stringify(await listReceivers())).not.toContain(SECRET);
    const { receiver: mail } = await createReceiver(receiverBody.parse({ name: 'oncall', kind: 'email', emails: 'oncall@lab.test' }));
    const rule = await createRule(
      ruleBody.parse({
        name: 'Busy VM',
        metric: 'vm.cpu',
        comparison: '>',
        threshold: 80,
        forSeconds: 20,
        receivers: [wh.id, mail.id],
        description: 'CPU high',
      }),
    );
    ruleId = rule.id;
    hook.answerNext(503);
    const e = engine();
    await e.evaluate(round(0, 90));
    expect((await listAlerts()).map((a) => [a.subjectName, a.state])).toEqual([['web', 'pending']]);
    await e.evaluate(round(10, 95));
    await e.evaluate(round(20, 97));
    const [alert] = await listAlerts();
    expect(alert).toMatchObject({ state: 'firing', value: 97, activeAt: iso(0), firedAt: iso(20) });

    const got = await hook.waitFor((_h, j) => (j as WebhookPayload).status === 'firing');
    expect(verifySignature(SECRET, got.body, got.headers['x-vireo-signature-256'] as string)).toBe(true);
    const p = JSON.parse(got.body) as WebhookPayload;
    expect(p).toMatchObject({ version: '4', receiver: 'hook', groupLabels: { alertname: 'Busy VM' }, externalURL: 'https://vireo.test' });
    expect(p.alerts[0]).toMatchObject({
      status: 'firing',
      labels: { alertname: 'Busy VM', vm: 'web', host: 'lab', severity: 'warning', metric: 'vm.cpu' },
      annotations: { description: 'CPU high', value: '97 %' },
      startsAt: iso(20),
      endsAt: '0001-01-01T00:00:00Z',
      fingerprint: alert!.fingerprint,
    });
    const email = await smtp.waitFor((m) => m.to.includes('oncall@lab.test'));
    expect(email.data).toMatch(/Subject: \[FIRING:1\] Busy VM \(web\)/);
    expect(email.data).toContain('CPU high');

    await notifier.idle();
    const log = await listDeliveries();
    expect(log.filter((d) => d.receiverName === 'hook').map((d) => [d.attempt, d.outcome, d.httpStatus])).toEqual([
      [2, 'ok', 200],
      [1, 'retrying', 503],
    ]);
    expect(log.find((d) => d.receiverName === 'oncall')).toMatchObject({ outcome: 'ok', kind: 'email' });
    const audit = await listAudit({ q: 'alert.firing' });
    expect(audit[0]).toMatchObject({ username: 'alerts', action: 'alert.firing', objectName: 'Busy VM · web', outcome: 'ok' });
  });

  it('keeps its state across a restart (no second notification) and resolves when the condition ends', async () => {
    const before = hook.hooks.length;
    const restarted = engine();
    await restarted.evaluate(round(30, 99));
    await notifier.idle();
    expect(hook.hooks.length).toBe(before);
    await restarted.evaluate(round(40, 5));
    const got = await hook.waitFor((_h, j) => (j as WebhookPayload).status === 'resolved');
    const p = JSON.parse(got.body) as WebhookPayload;
    expect(p.alerts[0]).toMatchObject({ status: 'resolved', endsAt: iso(40), startsAt: iso(20) });
    expect((await listAlerts())[0]).toMatchObject({ state: 'resolved', resolvedAt: iso(40) });
    expect((await listAudit({ q: 'alert.resolved' }))[0]).toMatchObject({ objectName: 'Busy VM · web' });
  });

  it('a silenced alert still fires and resolves, but notifies nobody', async () => {
    await notifier.idle();
    const silence = await createSilence(silenceBody.parse({ vm: 'web', endsAt: new Date(Date.now() + 3_600_000).toISOString() }), 'admin');
    const before = hook.hooks.length;
    const mails = smtp.mails.length;
    const e = engine();
    const now = 600;
    await e.evaluate(round(now, 90));
    await e.evaluate(round(now + 25, 90));
    const firing = (await listAlerts()).find((a) => a.state === 'firing');
    expect(firing).toMatchObject({ subjectName: 'web', silenced: true });
    await e.evaluate(round(now + 30, 1));
    await notifier.idle();
    expect(hook.hooks.length).toBe(before);
    expect(smtp.mails.length).toBe(mails);
    expect(JSON.parse((await listAudit({ q: 'alert.firing' }))[0]!.detail!)).toMatchObject({ silenced: true });
    await expireSilence(silence.id);
    expect((await listSilences()).find((s) => s.id === silence.id)?.active).toBe(false);
  });

  it('never fires a flapping condition, and ends the alerts of a deleted rule quietly', async () => {
    const e = engine();
    const t = 700;
    for (let i = 0; i < 6; i++) await e.evaluate(round(t + i * 10, i % 2 ? 10 : 90));
    expect((await listAlerts()).filter((a) => a.state !== 'resolved')).toEqual([]);
    await e.evaluate(round(t + 60, 90));
    await e.evaluate(round(t + 90, 90));
    expect((await listAlerts()).filter((a) => a.state === 'firing')).toHaveLength(1);
    await notifier.idle();
    const before = hook.hooks.length;
    await deleteRule(ruleId);
    await e.evaluate(round(t + 100, 90));
    await notifier.idle();
    expect((await listAlerts()).filter((a) => a.state !== 'resolved')).toEqual([]);
    expect(hook.hooks.length).toBe(before);
  });
});
