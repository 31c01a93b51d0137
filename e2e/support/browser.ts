import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const artifactsDir = process.env.VIREO_E2E_ARTIFACTS ?? path.join(process.cwd(), '.cache', 'e2e');

// Debian's Chromium; `npx playwright install` cannot download browsers here.
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.VIREO_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  // The server's certificate is the self-signed one it made at first start.
  const ctx = await browser.newContext({ baseURL, ignoreHTTPSErrors: true, viewport: { width: 1280, height: 860 } });
  ctx.setDefaultTimeout(20_000);
  return ctx;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
