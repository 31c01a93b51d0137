import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootToShell, type ConsoleReader } from '@/test/support/console-reader';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { testHost } from '@/test/support/test-host';
import { virshCleanupDomain, virshDefine } from '@/test/support/virsh';
import { startWebhookSink, type WebhookSink } from '@/test/support/webhook-sink';
import { withTestDatabase } from '@/test/support/with-test-database';
import { HostMetrics } from '@/lib/metrics/collector';
import type { WebhookPayload } from './alertmanager';
import { AlertEngine } from './engine';
import { receiverBody, ruleBody } from './inputs';
import { listAlerts } from './instances';
import { Notifier } from './notifier';
import { createReceiver } from './receivers';
import { createRule } from './rules';

// End to end on the test libvirtd: a running TCG fixture guest, its host's metrics collector sampling every second,
// and the alert engine listening to it. A busy loop typed into the guest's serial shell makes a CPU rule fire to a
// loopback webhook receiver; stopping the loop resolves it.

const tag = Math.random().toString(36).slice(2, 7);
const vm = `vireo-alert-test-${tag}`;
const host = testHost();
withTestDatabase();
let hook: WebhookSink;
let reader: ConsoleReader | null = null;
let stopCollector: (() => Promise<void>) | null = null;
let idle: (() => Promise<void>) | null = null;
/** What each round said about the guest (its CPU %, or why the round failed): the story when a wait times out. */
const seen: string[] = [];

/**
 * Percent of its one vCPU the looping guest is judged against: a busy vCPU is a whole host core under TCG when the
 * machine has one to spare, but only its share on a loaded test machine; an idle fixture guest stays near 0.
 */
const BUSY = 15;

/** The next webhook call that reports the guest's alert in `status`; on a timeout, what each round saw of the guest. */
async function alertOfGuest(status: 'firing' | 'resolved'): Promise<WebhookPayload['alerts'][number]> {
  const forVm = (_h: unknown, j: unknown) => {
    const p = j as WebhookPayload;
    return p.status === status && p.alerts.some((a) => a.labels.vm === vm);
  };
  const got = await hook.waitFor(forVm, 90_000).catch((err: Error) => {
    throw new Error(`${err.message}\nrounds (guest CPU %): ${seen.join(' ')}`);
  });
  return (JSON.parse(got.body) as WebhookPayload).alerts.find((a) => a.labels.vm === vm)!;
}

beforeAll(async () => {
  hook = await startWebhookSink();
  process.env.VIREO_ALERT_WEBHOOK_ALLOW = '127.0.0.1';
  await ensureFixtures();
  await virshDefine(tcgGuestXml({ name: vm, vcpus: 1 }));
  reader = await bootToShell(vm);

  const { receiver } = await createReceiver(receiverBody.parse({ name: 'loopback', kind: 'webhook', url: hook.url }));
  await createRule(
    ruleBody.parse({
      name: 'Guest busy',
      metric: 'vm.cpu',
      comparison: '>',
      threshold: 50,
      forSeconds: 3,
      scopeKind: 'vm',
      scopeValue: vm,
      receivers: [receiver.id],
    }),
  );
  const notifier = new Notifier({ externalURL: () => 'http://vireo.test', backoff: { baseMs: 100, maxMs: 500, attempts: 3 } });
  idle = () => notifier.idle();
  const engine = new AlertEngine({ hostId: host.id, hostName: host.name, notifier, generatorURL: () => 'http://vireo.test/alerts' });
  // One-second rounds (the server's least is 10 s) keep the test short; the engine cannot tell the difference.
  const metrics = new HostMetrics(host, { intervalSeconds: 1 });
  metrics.onSample((round) => {
    seen.push(round.ok ? String(round.points.get(round.domains.find((d) => d.name === vm)?.uuid ?? '')?.cpu?.toFixed(1) ?? '-') : `error: ${round.error}`);
    void engine.evaluate(round);
  });
  metrics.start();
  stopCollector = () => metrics.stop();
}, 240_000);

afterAll(async () => {
  await stopCollector?.();
  await idle?.();
  reader?.close();
  await virshCleanupDomain(vm);
  await host.close();
  await hook?.close();
  delete process.env.VIREO_ALERT_WEBHOOK_ALLOW;
});

describe('a CPU alert on a running guest', () => {
  it('fires to the webhook receiver while the guest runs a busy loop', async () => {
    reader!.write('while :; do :; done &\n');
    const alert = await alertOfGuest('firing');
    expect(alert.labels).toMatchObject({ alertname: 'Guest busy', metric: 'vm.cpu', host_id: host.id });
    expect(Number.parseFloat(alert.annotations.value!)).toBeGreaterThan(BUSY);
    expect((await listAlerts()).find((a) => a.subjectName === vm)).toMatchObject({ state: 'firing' });
  });

  it('resolves once the loop stops', async () => {
    reader!.write('kill %1\n');
    const alert = await alertOfGuest('resolved');
    expect(alert.status).toBe('resolved');
    expect(new Date(alert.endsAt).getTime()).toBeGreaterThan(new Date(alert.startsAt).getTime());
  });
});
