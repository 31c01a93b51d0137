import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bootBanner } from '@/test/support/fixtures';
import { virshDomState } from '@/test/support/virsh';
import { screenshot } from './support/browser';
import { createDemoHost, type DemoHost } from './support/demo-host';
import { apiFromPage } from './support/journeys';
import { startSignedIn, type SignedIn } from './support/signed-in';
import { waitText } from './support/terminal';

// Issue 14: the VM page's tab is in the address (reload and bookmarks keep it), the console page shows the VM's
// state and its power actions, and the audit log reads as sentences and lines rather than JSON.

const suffix = Math.random().toString(36).slice(2, 6);
let demo: DemoHost;
let app: SignedIn;
let page: Page;
let vm: string;

/** The page's own tabs: the first tab list (a panel may have tabs of its own). */
const selectedTab = () => page.getByRole('tablist').first().locator('[role="tab"][aria-selected="true"]').textContent();
const search = () => new URL(page.url()).search;

beforeAll(async () => {
  demo = await createDemoHost(`vvp${suffix}`);
  vm = demo.web;
  app = await startSignedIn();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await demo?.dispose();
});

describe('the VM page', () => {
  it('keeps the tab in the address, through a reload', async () => {
    await page.goto(`/vms/${vm}`);
    expect(await selectedTab()).toBe('Overview');
    expect(search()).toBe('');
    await page.getByRole('tab', { name: 'Hardware' }).click();
    await page.waitForURL(`**/vms/${vm}?tab=hardware`);
    await page.getByTestId('hw-memory').waitFor();
    await page.reload();
    expect(await selectedTab()).toBe('Hardware');
    await page.getByTestId('hw-memory').waitFor();
    await page.getByRole('tab', { name: 'XML' }).click();
    await page.waitForURL(`**/vms/${vm}?tab=xml`);
    await page.getByRole('tab', { name: 'Overview' }).click();
    await expect.poll(search).toBe('');
    await page.getByTestId('vm-overview').waitFor();
  });

  it('opens a bookmarked tab, and the overview for one it does not know', async () => {
    await page.goto(`/vms/${vm}?tab=xml`);
    expect(await selectedTab()).toBe('XML');
    await page.getByTestId('xml-view').waitFor();
    await page.goto(`/vms/${vm}?tab=nonsense`);
    expect(await selectedTab()).toBe('Overview');
  });
});

describe('the console page', () => {
  it("shows the VM's state and starts it from there; the console follows", async () => {
    await page.goto(`/vms/${vm}`);
    await page.getByTestId('open-console').click();
    await page.waitForURL(`**/vms/${vm}/console`);
    const bar = page.getByTestId('console-vm-bar');
    await bar.locator(`[data-testid="vm-state-${vm}"][data-state="shut off"]`).waitFor();
    await bar.getByRole('button', { name: `Start ${vm}` }).click();
    await bar.locator(`[data-testid="vm-state-${vm}"][data-state="running"]`).waitFor({ timeout: 30_000 });
    expect(await virshDomState(vm)).toBe('running');
    await waitText(page, new RegExp(bootBanner), 120_000);
    await screenshot(page, 'console-running');
  });

  it('keeps its tab in the address', async () => {
    await page.getByRole('tab', { name: 'Graphical (VNC)' }).click();
    await page.waitForURL(`**/vms/${vm}/console?tab=vnc`);
    await page.reload();
    expect(await selectedTab()).toBe('Graphical (VNC)');
    await page.getByTestId('vnc-screen').waitFor();
  });

  it('forces it off after asking', async () => {
    const bar = page.getByTestId('console-vm-bar');
    await bar.getByRole('button', { name: `Force off ${vm}` }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toMatch(/pulling the power plug/);
    await dialog.getByRole('button', { name: 'Force off' }).click();
    await bar.locator(`[data-testid="vm-state-${vm}"][data-state="shut off"]`).waitFor({ timeout: 30_000 });
    expect(await virshDomState(vm)).toBe('shut off');
    expect(await bar.getByRole('button', { name: `Start ${vm}` }).count()).toBe(1);
  });
});

describe('the audit log', () => {
  it('shows what a change asked and what took effect as lines, and a refusal with its reason', async () => {
    const changed = await apiFromPage(page, `/api/vms/${vm}/hardware/memory`, 'PUT', { live: false, persistent: true, currentMiB: 160 });
    expect(changed.status).toBe(200);
    const refused = await apiFromPage(page, `/api/vms/${vm}/actions`, 'POST', { action: 'shutdown' });
    expect(refused.status).toBe(409);

    await page.goto('/audit');
    const table = page.getByTestId('audit-table');
    await table.getByText('vm.hardware.memory').waitFor();
    const memoryRow = table.locator('tbody tr', { hasText: 'vm.hardware.memory' });
    const detail = memoryRow.locator('[data-testid^="audit-detail-"]');
    expect(await detail.locator('dd').allTextContents()).toEqual(expect.arrayContaining(['applied', '160']));
    expect(await detail.locator('[data-key="Next boot"] dd').textContent()).toBe('applied');
    expect(await detail.locator('[data-key="Memory (MiB)"] dd').textContent()).toBe('160');
    expect(await detail.textContent()).toMatch(/160 MiB/);
    const shutdownRow = table.locator('tbody tr', { hasText: 'vm.shutdown' });
    expect(await shutdownRow.getByTestId('audit-reason').textContent()).toMatch(/^Reason: .*not running/i);
    // Nothing in the details column is raw JSON (a reason may quote a name, but no braces or "key": pairs).
    for (const text of await table.locator('tbody td:last-child').allTextContents()) expect(text).not.toMatch(/[{}]|"\w+":/);
    await screenshot(page, 'audit-details');
  });
});
