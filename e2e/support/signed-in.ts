import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, launchBrowser, newContext } from './browser';
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
    close: () => stopAll({ server, browser, ctx }),
  };
}

/**
 * Ends what a spec started, each part only if it got that far (a `beforeAll` may have failed half-way): with `log`,
 * the server's output is kept as `<log>-server.log` among the artefacts for a failed run to be read; then the
 * context, the browser and the server are closed.
 */
export async function stopAll(parts: { server?: VireoServer; browser?: Browser; ctx?: BrowserContext }, log?: string): Promise<void> {
  const { server, browser, ctx } = parts;
  if (log && server) await writeFile(path.join(artifactsDir, `${log}-server.log`), server.output()).catch(() => undefined);
  await ctx?.close();
  await browser?.close();
  await server?.stop();
}
