import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { virsh, virshDefine, virshCleanupDomain } from '@/test/support/virsh';
import { screenshot } from './support/browser';
import { type VireoServer } from './support/server';
import { startSignedIn, stopAll } from './support/signed-in';
import { apiFromPage } from './support/journeys';

// Bulk actions on a selection, a VM deleted in another tab, and bad input at the API.

const suffix = Math.random().toString(36).slice(2, 8);
const names = [`vireo-bulk-${suffix}-a`, `vireo-bulk-${suffix}-b`];

let server: VireoServer;
let browser: Browser;
let page: Page;

const badge = (p: Page, name: string, state: string) => p.locator(`[data-testid="vm-state-${name}"][data-state="${state}"]`).first();

beforeAll(async () => {
  await ensureFixtures();
  for (const name of names) await virshDefine(tcgGuestXml({ name, memoryMiB: 96 }));
  ({ server, browser, page } = await startSignedIn());
});

afterAll(async () => {
  await stopAll({ server, browser });
  for (const name of names) {
    await virshCleanupDomain(name);
  }
});

describe('bulk actions and stale pages', () => {
  it('starts and then forces off a selection', async () => {
    await page.goto('/vms');
    await page.getByLabel('Search virtual machines').fill(`vireo-bulk-${suffix}`);
    await badge(page, names[1]!, 'shut off').waitFor();
    await page.getByLabel('Select all shown').check();
    const bar = page.getByTestId('bulk-bar');
    await bar.getByText('2 selected').waitFor();
    await bar.getByRole('button', { name: 'Start' }).click();
    for (const name of names) await badge(page, name, 'running').waitFor({ timeout: 60_000 });
    await page.getByTestId('action-outcome').getByText('done for 2').waitFor();
    for (const name of names) expect((await virsh(['domstate', name])).trim()).toBe('running');

    await bar.getByRole('button', { name: 'Force off' }).click();
    await page.getByRole('dialog').getByText('Force off 2 virtual machines?').waitFor();
    await screenshot(page, 'bulk-confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Force off' }).click();
    for (const name of names) await badge(page, name, 'shut off').waitFor({ timeout: 30_000 });
    for (const name of names) expect((await virsh(['domstate', name])).trim()).toBe('shut off');
  });

  it('reports per-VM failures of a bulk action and still does the rest', async () => {
    const { status, body } = await apiFromPage(page, '/api/vms/bulk', 'POST', { action: 'resume', names: [names[0], 'no-such-vm'] });
    expect(status).toBe(200);
    const results = body.results as Array<{ name: string; ok: boolean; error?: string }>;
    expect(results.find((r) => r.name === 'no-such-vm')?.error).toMatch(/not found/);
    expect(results.find((r) => r.name === names[0])?.error).toMatch(/not running/);
  });

  it('tells a page whose VM was deleted elsewhere, and its actions fail cleanly', async () => {
    const [gone] = names;
    await page.goto(`/vms/${gone}`);
    await badge(page, gone!, 'shut off').waitFor();
    await virsh(['undefine', gone!]);
    await page.getByTestId('vm-gone').waitFor({ timeout: 15_000 });
    const res = await apiFromPage(page, `/api/vms/${gone}/actions`, 'POST', { action: 'start' });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatch(/was not found \(it may have been deleted elsewhere\)/);
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const long = 'x'.repeat(300);
    expect((await apiFromPage(page, `/api/vms/${long}/actions`, 'POST', { action: 'start' })).body.error).toMatch(/at most 100 characters/);
    expect((await apiFromPage(page, '/api/vms/bad..name%24/actions', 'POST', { action: 'start' })).body.error).toMatch(/Names may use/);
    const huge = await apiFromPage(page, `/api/vms/${names[1]}/xml`, 'PUT', { xml: `<domain>${' '.repeat(1_100_000)}</domain>` });
    expect(huge.status).toBe(413);
    const wrongRoot = await apiFromPage(page, `/api/vms/${names[1]}/xml`, 'PUT', { xml: '<network><name>x</name></network>' });
    expect(wrongRoot.status).toBe(422);
    expect(wrongRoot.body.error).toMatch(/root element must be <domain>/);
    const notJson = await page.evaluate(async () => {
      const csrf = decodeURIComponent(document.cookie.match(/vireo_csrf=([^;]*)/)?.[1] ?? '');
      const r = await fetch('/api/vms/bulk', { method: 'POST', headers: { 'x-csrf-token': csrf }, body: '{nope' });
      return r.status;
    });
    expect(notJson).toBe(400);
    expect((await virsh(['domstate', names[1]!])).trim()).toBe('shut off');
  });
});
