import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser';
import { watchCsp } from './support/csp';
import { createFirstAdmin, logout } from './support/journeys';
import { startVireo, type VireoServer } from './support/server';
import { stopAll } from './support/signed-in';
import { inTabs } from './support/tabs';

// Issue 13: every page answers with a Content-Security-Policy whose nonce is on each of Next's scripts, the
// framing/object/base restrictions and HSTS (TLS is on), and the pages run in Chromium without a single CSP
// violation. The data directory the server made is private. (The consoles are checked in consoles.e2e.ts.)

let server: VireoServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let violations: string[];

beforeAll(async () => {
  server = await startVireo();
  browser = await launchBrowser();
  ctx = await newContext(browser, server.url);
  violations = await watchCsp(ctx);
  page = await ctx.newPage();
});

afterAll(async () => {
  await stopAll({ server, browser });
});

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );
}

/** The page's headers carry the policy, and every script element in its HTML carries the policy's nonce. */
async function expectProtected(res: Response | null, where: string): Promise<string> {
  expect(res, where).not.toBeNull();
  const headers = res!.headers();
  const csp = headers['content-security-policy'] ?? '';
  const d = directives(csp);
  const nonce = d.get('script-src')?.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
  expect(nonce, `${where}: script-src ${d.get('script-src')}`).toBeTruthy();
  expect(d.get('script-src')).not.toContain('unsafe-inline');
  expect(d.get('script-src')).not.toContain('unsafe-eval');
  expect(d.get('frame-ancestors')).toBe("'none'");
  expect(d.get('object-src')).toBe("'none'");
  expect(d.get('base-uri')).toBe("'self'");
  expect(d.get('connect-src')).toBe("'self'");
  expect(headers['strict-transport-security']).toBe('max-age=31536000');
  expect(headers['x-frame-options']).toBe('DENY');
  const html = await res!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${where}: no script at all`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, where).toContain(`nonce="${nonce}"`);
  return nonce!;
}

/** Loads a page and lets it hydrate and fetch what it shows. */
async function visit(p: string, tab: Page = page): Promise<Response | null> {
  const res = await tab.goto(p, { waitUntil: 'load' });
  await tab.waitForTimeout(700);
  return res;
}

describe('security headers', () => {
  it('protect the setup and login pages, with a fresh nonce each time', async () => {
    const first = await expectProtected(await visit('/setup'), '/setup');
    const second = await expectProtected(await visit('/setup'), '/setup again');
    expect(second).not.toBe(first);
    // Before the first account exists /login sends the browser to /setup; after sign-out it is checked below.
    await expectProtected(await visit('/login'), '/login');
  });

  it('let the setup form run: the first admin is created through the page', async () => {
    await createFirstAdmin(page, server.setupCode!);
  });

  it('protect every dashboard page, and none of them reports a CSP violation', async () => {
    const firstName = async (api: string, key: string) =>
      ((await (await page.request.get(api)).json()) as Record<string, { name?: string }[] | undefined>)[key]?.[0]?.name;
    const pages = [
      '/',
      '/vms',
      '/new-vm',
      '/networks',
      '/networks/new',
      '/storage',
      '/storage/new',
      '/audit',
      '/users',
      '/account',
      '/host/readiness',
      '/host/terminal',
      '/jobs/no-such-job',
      '/vms/no-such-vm',
      '/hosts',
      '/hosts/local',
      '/hosts/local/vms',
      '/hosts/no-such-host/vms',
      '/no-such-page',
    ];
    const pool = await firstName('/api/storage/pools', 'pools');
    const net = await firstName('/api/networks', 'networks');
    if (pool) pages.push(`/storage/${encodeURIComponent(pool)}`);
    if (net) pages.push(`/networks/${encodeURIComponent(net)}`);
    await inTabs(ctx, pages, 4, async (tab, p) => void (await expectProtected(await visit(p, tab), p)));
    expect(violations).toEqual([]);
  });

  it('let a page open WebSockets to its own origin over TLS (the consoles), and to no other', async () => {
    const tryWs = (url: string) =>
      page.evaluate(
        (u) =>
          new Promise<string>((resolve) => {
            try {
              const ws = new WebSocket(u);
              ws.onopen = () => resolve('open');
              ws.onerror = () => resolve('error');
            } catch (err) {
              resolve(`thrown: ${(err as Error).name}`);
            }
          }),
        url,
      );
    // No ticket, so the server refuses the upgrade; what matters is that the browser let the page try.
    expect(await tryWs(`${server.url.replace(/^https/, 'wss')}/ws/consoles/serial?ticket=none`)).toBe('error');
    expect(violations).toEqual([]);
    await tryWs('wss://elsewhere.invalid/x');
    await page.waitForTimeout(300);
    expect(violations.join('\n')).toMatch(/connect-src/);
    violations.length = 0;
  });

  it('protect the API and static files too, and the login page after signing out', async () => {
    for (const p of ['/api/vms', '/favicon.ico']) {
      const res = await page.request.get(p);
      expect(directives(res.headers()['content-security-policy'] ?? '').get('frame-ancestors'), p).toBe("'none'");
    }
    await page.goto('/');
    await logout(page);
    await page.waitForTimeout(500);
    const res = await page.reload();
    await expectProtected(res, '/login after sign-out');
    expect(violations).toEqual([]);
  });

  it('keeps the data directory private: 0700, and every file in it 0600 (database, WAL, log, TLS key)', async () => {
    const mode = async (p: string) => (await stat(p)).mode & 0o777;
    expect(await mode(server.dataDir)).toBe(0o700);
    const entries = await readdir(server.dataDir);
    expect(entries).toEqual(expect.arrayContaining(['vireo.db', 'vireo.db-wal', 'vireo.db-shm', 'vireo.log', 'tls']));
    for (const e of entries) {
      const full = path.join(server.dataDir, e);
      expect([e, await mode(full)]).toEqual([e, e === 'tls' ? 0o700 : 0o600]);
    }
    expect(await mode(path.join(server.dataDir, 'tls', 'key.pem'))).toBe(0o600);
  });
});
