import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { watchCsp } from './support/csp';
import { createDemoHost, demoPages, type DemoHost } from './support/demo-host';
import { adminPassword, createFirstAdmin, login } from './support/journeys';
import { DESKTOP, openAndSettle, pageShade, unreadableText } from './support/layout';
import { startVireo, type VireoServer } from './support/server';
import { stopAll } from './support/signed-in';

// Issue 14: dark mode that follows the system and a remembered choice, readable in both; visible focus; the login
// page ready for typing; "/" to search; a favicon; and all of it without an inline script the CSP would refuse.

const suffix = Math.random().toString(36).slice(2, 6);
let demo: DemoHost;
let server: VireoServer;
let browser: Browser;

async function context(colorScheme: 'light' | 'dark'): Promise<{ ctx: BrowserContext; page: Page; csp: string[] }> {
  const ctx = await browser.newContext({ baseURL: server.url, ignoreHTTPSErrors: true, viewport: DESKTOP, colorScheme });
  ctx.setDefaultTimeout(20_000);
  const csp = await watchCsp(ctx);
  return { ctx, page: await ctx.newPage(), csp };
}

beforeAll(async () => {
  demo = await createDemoHost(`vth${suffix}`);
  server = await startVireo();
  browser = await launchBrowser();
  const { ctx, page } = await context('light');
  await createFirstAdmin(page, server.setupCode!);
  await ctx.close();
});

afterAll(async () => {
  await stopAll({ server, browser });
  await demo?.dispose();
});

const themeAttr = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme ?? null);

describe('dark mode', () => {
  it('follows the system setting when nothing was chosen', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { ctx, page } = await context(scheme);
      await login(page, 'admin', adminPassword);
      await openAndSettle(page, '/vms', `[data-testid="vm-row-${demo.web}"]`);
      expect(await themeAttr(page)).toBeNull();
      expect((await pageShade(page)).dark).toBe(scheme === 'dark');
      expect(await page.getByTestId('theme-toggle').inputValue()).toBe('system');
      await ctx.close();
    }
  });

  it('is chosen with the toggle, remembered across reloads and sign-ins, and "System" hands back to the system', async () => {
    const { ctx, page, csp } = await context('light');
    await login(page, 'admin', adminPassword);
    await page.getByTestId('theme-toggle').selectOption('dark');
    expect(await themeAttr(page)).toBe('dark');
    expect((await pageShade(page)).dark).toBe(true);
    await page.reload();
    expect(await themeAttr(page)).toBe('dark');
    expect((await pageShade(page)).dark).toBe(true);
    // The menu says "system" until hydrated (the server renders it so), then the choice.
    await expect.poll(() => page.getByTestId('theme-toggle').inputValue()).toBe('dark');
    // Rendered dark by the server from the first byte: the sign-in page too, which has no toggle.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    expect(await themeAttr(page)).toBe('dark');
    expect((await pageShade(page)).dark).toBe(true);
    await login(page, 'admin', adminPassword);
    await page.getByTestId('theme-toggle').selectOption('system');
    expect(await themeAttr(page)).toBeNull();
    expect((await pageShade(page)).dark).toBe(false);
    expect((await ctx.cookies()).find((c) => c.name === 'vireo_theme')).toBeUndefined();
    // And a light choice holds on a dark system.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect((await pageShade(page)).dark).toBe(true);
    await page.getByTestId('theme-toggle').selectOption('light');
    await page.reload();
    expect((await pageShade(page)).dark).toBe(false);
    expect(csp).toEqual([]);
    await ctx.close();
  });

  it('keeps every text readable in both themes, the console panels dark in both', async () => {
    const pages = demoPages(demo).filter((p) => p.name !== 'console');
    for (const scheme of ['light', 'dark'] as const) {
      const { ctx, page, csp } = await context(scheme);
      await login(page, 'admin', adminPassword);
      const poor: string[] = [];
      for (const { path, ready } of pages) {
        await openAndSettle(page, path, ready);
        for (const u of await unreadableText(page, 4.5)) poor.push(`${path}: "${u.text}" ${u.ratio}:1 (${u.color} on ${u.background})`);
      }
      expect(poor, `${scheme}: text below 4.5:1`).toEqual([]);
      await openAndSettle(page, `/vms/${demo.web}/console`, '.xterm');
      // The terminal and its frame keep xterm's dark background whatever the page's theme.
      const shades = await page.locator('.xterm').evaluate((el) => {
        const c = document.createElement('canvas').getContext('2d')!;
        const rgb = (e: Element) => {
          c.fillStyle = getComputedStyle(e).backgroundColor;
          c.fillRect(0, 0, 1, 1);
          return [...c.getImageData(0, 0, 1, 1).data.slice(0, 3)].join(',');
        };
        const term = (el.parentElement as HTMLElement & { xterm?: { options: { theme?: { background?: string } } } }).xterm;
        return [rgb(el.closest('.rounded-md')!), term?.options.theme?.background];
      });
      expect(shades).toEqual(['15,23,43', '#0f172a']);
      await screenshot(page, `theme-${scheme}-console`);
      expect(csp).toEqual([]);
      await ctx.close();
    }
  });
});

describe('keyboard and details', () => {
  let ctx: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ ctx, page } = await context('dark'));
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('puts the cursor in the user name on the sign-in page', async () => {
    await page.goto('/login');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'username');
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type(adminPassword);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/');
  });

  it('shows a focus ring on everything the keyboard reaches', async () => {
    await openAndSettle(page, '/vms', `[data-testid="vm-row-${demo.web}"]`);
    const unmarked: string[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
        return { what: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`, ring };
      });
      if (f && !f.ring) unmarked.push(f.what);
    }
    expect(unmarked).toEqual([]);
  });

  it('jumps to the search box with "/" on list pages, but not while typing elsewhere', async () => {
    await openAndSettle(page, '/vms', `[data-testid="vm-row-${demo.web}"]`);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    await page.keyboard.type(demo.db);
    const search = page.getByLabel('Search virtual machines');
    expect(await search.inputValue()).toBe(demo.db);
    await expect.poll(() => page.getByTestId('vm-count').textContent()).toMatch(/^1 of \d+$/);

    await openAndSettle(page, '/audit', '[data-testid="audit-table"] tbody tr');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search the audit log');
    // Typed inside a field, "/" is just a character.
    await page.keyboard.type('a/b');
    expect(await page.getByLabel('Search the audit log').inputValue()).toBe('a/b');
  });

  it('has a favicon', async () => {
    const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect(href).toMatch(/^\/icon\.svg/);
    const res = await ctx.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    await screenshot(page, 'theme-dark-audit');
  });
});
