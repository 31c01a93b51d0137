import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootToShell, type ConsoleReader } from '@/test/support/console-reader';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { useTestDatabase } from '@/test/support/test-db';
import { testHost } from '@/test/support/test-host';
import { virshCleanupDomain, virshDefine } from '@/test/support/virsh';
import { startWebhookSink, type WebhookSink } from '@/test/support/webhook-sink';
import type { WebhookPayload } from './alertmanager';

// End to end on the test libvirtd: a running TCG fixture guest, its host's metrics collector sampling every second,
// and the alert engine listening to it. A busy loop typed into the guest's serial shell makes a CPU rule fire to a
// loopback webhook receiver; stopping the loop resolves it.

const tag = Math.random().toString(36).slice(2, 7);
const vm = `vireo-alert-test-${tag}`;
const host = testHost();
let dbHandle: Awaited<ReturnType<typeof useTestDatabase>>;
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

const forVm = (status: 'firing' | 'resolved') => (_h: unknown, j: unknown) => {
  const p = j as WebhookPayload;
  return p.status === status && p.alerts.some((a) => a.labels.vm === vm);
};

beforeAll(async () => {
  dbHandle = await useTestDatabase();
  hook = await startWebhookSink();
  process.env.VIREO_ALERT_WEBHOOK_ALLOW = '127.0.0.1';
  await ensureFixtures();
  await virshDefine(tcgGuestXml({ name: vm, vcpus: 1 }));
  reader = await bootToShell(vm);

  const { HostMetrics } = await import('@/lib/metrics/collector');
  const { AlertEngine } = await import('./engine');
  const { Notifier } = await import('./notifier');
  const { createReceiver } = await import('./receivers');
  const { createRule } = await import('./rules');
  const { receiverBody, ruleBody } = await import('./inputs');
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
  await dbHandle?.dispose();
});

describe('a CPU alert on a running guest', () => {
  it('fires to the webhook receiver while the guest runs a busy loop', async () => {
    reader!.write('while :; do :; done &\n');
    const got = await hook.waitFor(forVm('firing'), 90_000).catch((err: Error) => {
      throw new Error(`${err.message}\nrounds (guest CPU %): ${seen.join(' ')}`);
    });
    const p = JSON.parse(got.body) as WebhookPayload;
    const alert = p.alerts.find((a) => a.labels.vm === vm)!;
    expect(alert.labels).toMatchObject({ alertname: 'Guest busy', metric: 'vm.cpu', host_id: host.id });
    expect(Number.parseFloat(alert.annotations.value!)).toBeGreaterThan(BUSY);
    const { listAlerts } = await import('./instances');
    expect((await listAlerts()).find((a) => a.subjectName === vm)).toMatchObject({ state: 'firing' });
  });

  it('resolves once the loop stops', async () => {
    reader!.write('kill %1\n');
    const got = await hook.waitFor(forVm('resolved'), 90_000).catch((err: Error) => {
      throw new Error(`${err.message}\nrounds (guest CPU %): ${seen.join(' ')}`);
    });
    const alert = (JSON.parse(got.body) as WebhookPayload).alerts.find((a) => a.labels.vm === vm)!;
    expect(alert.status).toBe('resolved');
    expect(new Date(alert.endsAt).getTime()).toBeGreaterThan(new Date(alert.startsAt).getTime());
  });
});
