import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tcgGuestXml } from '@/test/support/fixtures';
import { virshCleanupDomain, virshDefine } from '@/test/support/virsh';
import { startWebhookSink, type WebhookSink } from '@/test/support/webhook-sink';
import { screenshot } from './support/browser';
import { startSignedIn, type SignedIn } from './support/signed-in';

// Issue 17, alerts: an admin adds a webhook receiver and a rule on the Alerts page (a refused rule says why, field by
// field), and sees the rule fire at the next metrics sample: a defined VM that is not running, watched by a
// "VM state is not running" rule. The loopback receiver gets the notification and the delivery log says so.

const suffix = Math.random().toString(36).slice(2, 6);
const vm = `valert-${suffix}`;
let app: SignedIn;
let page: Page;
let hook: WebhookSink;

beforeAll(async () => {
  hook = await startWebhookSink();
  await virshDefine(tcgGuestXml({ name: vm }));
  app = await startSignedIn({ VIREO_ALERT_WEBHOOK_ALLOW: '127.0.0.1', VIREO_METRICS_INTERVAL_SECONDS: '10' });
  page = app.page;
}, 180_000);

afterAll(async () => {
  await app?.close();
  await hook?.close();
  await virshCleanupDomain(vm);
});

describe('the Alerts page', () => {
  it('is in the menu', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
    await page.waitForURL('**/alerts');
    await page.getByText('No rules yet.').waitFor();
  });

  it('adds a webhook receiver', async () => {
    await page.getByRole('button', { name: 'New receiver' }).click();
    const d = page.getByTestId('receiver-dialog');
    await d.getByLabel('Name').fill('loopback');
    await d.getByLabel('Address').fill(hook.url);
    await d.getByRole('button', { name: 'Create receiver' }).click();
    // No secret typed: one was made, shown once.
    const secret = await page.getByTestId('receiver-secret-value').textContent();
    expect(secret?.length).toBeGreaterThanOrEqual(20);
    await page.getByTestId('receiver-secret').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('alert-receivers').getByText('webhook (signed)').waitFor();
  });

  it('refuses a rule without a name or a VM, saying so beside the fields', async () => {
    await page.getByRole('button', { name: 'New rule' }).click();
    const d = page.getByTestId('rule-dialog');
    await d.getByLabel('Watch').selectOption('vm.state');
    await d.getByLabel('Applies to').selectOption('vm');
    await d.getByRole('button', { name: 'Create rule' }).click();
    await d.getByText('The rule needs a name.').first().waitFor();
    await d.getByText('Name the VM.').first().waitFor();
  });

  it('creates a rule and sees it fire at the next sample, notifying the receiver', async () => {
    const d = page.getByTestId('rule-dialog');
    await d.getByTestId('rule-name').fill('Not running');
    await d.getByLabel('Condition').selectOption('is-not');
    await d.getByLabel('State').selectOption('running');
    await d.getByLabel('For (seconds)').fill('0');
    await d.getByLabel('VM name').fill(vm);
    await d.getByLabel('loopback (webhook)').check();
    await d.getByRole('button', { name: 'Create rule' }).click();
    await page.getByTestId('alerts-note').getByText('Created the rule Not running').waitFor();
    expect(await page.getByTestId('rule-Not running').textContent()).toContain('VM state is not running');

    const row = page.getByTestId(`alert-Not running-${vm}`);
    await row.getByText('firing').waitFor({ timeout: 60_000 });
    const got = await hook.waitFor((_h, j) => (j as { alerts: { labels: { vm?: string } }[] }).alerts.some((a) => a.labels.vm === vm), 30_000);
    expect(got.headers['x-vireo-signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/);
    await page.getByTestId('alert-deliveries').getByText('Not running: 1 alert firing').waitFor({ timeout: 15_000 });
    await screenshot(page, 'alerts-firing');
  });

  it('silences the alert from its row', async () => {
    await page.getByTestId(`alert-Not running-${vm}`).getByRole('button', { name: 'Silence' }).click();
    await page.getByTestId('silence-dialog').getByRole('button', { name: 'Silence' }).click();
    await page.getByTestId(`alert-Not running-${vm}`).getByText('silenced').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('alert-silences').textContent()).toContain(`VM ${vm}`);
  });
});
