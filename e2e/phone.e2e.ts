import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { createDemoHost, demoPages, type DemoHost } from './support/demo-host';
import { createFirstAdmin, logout } from './support/journeys';
import { DESKTOP, PHONE, openAndSettle, sideways } from './support/layout';
import { startVireo, type VireoServer } from './support/server';
import { stopAll } from './support/signed-in';

// Issue 14, phones: at 390 px no page scrolls sideways, the top menu folds into a Menu button, and tables turn into
// cards whose actions are within reach. Every page an admin can open is visited, with a demo host behind it.

const suffix = Math.random().toString(36).slice(2, 6);
let demo: DemoHost;
let server: VireoServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  demo = await createDemoHost(`vph${suffix}`);
  server = await startVireo();
  browser = await launchBrowser();
  ctx = await browser.newContext({ baseURL: server.url, ignoreHTTPSErrors: true, viewport: PHONE });
  ctx.setDefaultTimeout(20_000);
  page = await ctx.newPage();
});

afterAll(async () => {
  await stopAll({ server, browser, ctx });
  await demo?.dispose();
});

async function expectNoSidewaysScroll(path: string): Promise<void> {
  const r = await sideways(page);
  expect(r.scrollWidth, `${path} is ${r.scrollWidth} px wide at ${r.clientWidth} px: ${r.offenders.join(', ')}`).toBeLessThanOrEqual(r.clientWidth);
}

describe('at phone width (390 x 844)', () => {
  it('the first-run setup page fits', async () => {
    await openAndSettle(page, '/setup', 'form');
    await expectNoSidewaysScroll('/setup');
    await page.setViewportSize(DESKTOP);
    await createFirstAdmin(page, server.setupCode!);
    await page.setViewportSize(PHONE);
  });

  it('no page scrolls sideways', async () => {
    const wide: string[] = [];
    for (const { path, ready } of demoPages(demo)) {
      await openAndSettle(page, path, ready);
      const r = await sideways(page);
      if (r.scrollWidth > r.clientWidth) wide.push(`${path}: ${r.scrollWidth} px (${r.offenders.join(', ')})`);
    }
    expect(wide).toEqual([]);
    await openAndSettle(page, `/vms/${demo.web}`, '[data-testid="vm-overview"]');
    await screenshot(page, 'phone-vm');
  });

  it('folds the top menu into a Menu button that opens and closes', async () => {
    await openAndSettle(page, '/vms', `[data-testid="vm-row-${demo.web}"]`);
    const menu = page.getByRole('button', { name: 'Menu' });
    const networks = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Networks' });
    expect(await menu.isVisible()).toBe(true);
    expect(await networks.isVisible()).toBe(false);
    expect(await page.getByTestId('current-user').isVisible()).toBe(false);
    await menu.click();
    expect(await page.getByRole('button', { name: 'Close menu' }).getAttribute('aria-expanded')).toBe('true');
    await networks.waitFor();
    expect(await page.getByTestId('current-user').isVisible()).toBe(true);
    await expectNoSidewaysScroll('/vms with the menu open');
    await screenshot(page, 'phone-menu-open');
    await networks.click();
    await page.waitForURL('**/networks');
    expect(await networks.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('false');
    // Escape closes it too.
    await page.getByRole('button', { name: 'Menu' }).click();
    await networks.waitFor();
    await networks.press('Escape');
    await networks.waitFor({ state: 'hidden' });
  });

  it('shows table rows as cards, every action within the screen', async () => {
    await openAndSettle(page, '/vms', `[data-testid="vm-row-${demo.web}"]`);
    const row = page.getByTestId(`vm-row-${demo.web}`);
    expect(await row.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
    // Each cell says which column it is.
    expect(await row.locator('td[data-label="State"]').count()).toBe(1);
    const start = page.getByRole('button', { name: `Start ${demo.web}` });
    const box = (await start.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    // Sorting stays: the sortable headers are buttons above the cards.
    await page.getByRole('button', { name: /^Name/ }).click();
    expect(await page.locator('th[aria-sort="descending"]').count()).toBe(1);
    await screenshot(page, 'phone-vm-cards');

    await openAndSettle(page, `/storage/${demo.pool.name}`, '[data-testid="volume-row-data.qcow2"]');
    const actions = page.getByTestId('volume-row-data.qcow2').getByRole('button');
    for (const b of await actions.all()) {
      const bb = (await b.boundingBox())!;
      expect(bb.x + bb.width, `${await b.textContent()} is off screen`).toBeLessThanOrEqual(PHONE.width);
    }
  });

  it('keeps tables as tables on a wide screen, with the menu unfolded', async () => {
    await page.setViewportSize(DESKTOP);
    await openAndSettle(page, '/vms', `[data-testid="vm-row-${demo.web}"]`);
    expect(await page.getByTestId(`vm-row-${demo.web}`).evaluate((tr) => getComputedStyle(tr).display)).toBe('table-row');
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Networks' }).isVisible()).toBe(true);
    await page.setViewportSize(PHONE);
  });

  it('the sign-in page fits', async () => {
    await page.getByRole('button', { name: 'Menu' }).click();
    await logout(page);
    await openAndSettle(page, '/login', 'form');
    await expectNoSidewaysScroll('/login');
  });
});
