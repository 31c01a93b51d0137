import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './browser';
import { createFirstAdmin } from './journeys';
import { startVireo, type VireoServer } from './server';

export interface SignedIn {
  server: VireoServer;
  browser: Browser;
  ctx: BrowserContext;
  /** Signed in as the first admin. */
  page: Page;
  close(): Promise<void>;
}

/** A fresh server (these settings on top of the test defaults), Chromium, and a page signed in as its first admin. */
export async function startSignedIn(env: Record<string, string> = {}): Promise<SignedIn> {
  const server = await startVireo(env);
  const browser = await launchBrowser();
  const ctx = await newContext(browser, server.url);
  const page = await ctx.newPage();
  await createFirstAdmin(page, server.setupCode!);
  return {
    server,
    browser,
    ctx,
    page,
    async close() {
      await ctx.close();
      await browser.close();
      await server.stop();
    },
  };
}
