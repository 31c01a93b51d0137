import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, screenshot } from './support/browser';
import { startVireo, type VireoServer } from './support/server';
import { adminPassword, apiFromPage, createFirstAdmin, login, logout } from './support/journeys';
import { stopAll } from './support/signed-in';

let server: VireoServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startVireo();
  browser = await launchBrowser();
  ctx = await newContext(browser, server.url);
  page = await ctx.newPage();
});

afterAll(async () => {
  await stopAll({ server, browser });
});

describe('first run and sign-in', () => {
  it('prints a one-time setup code and refuses a wrong one', async () => {
    expect(server.setupCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // The log file keeps it too, as JSON lines only the server's user can read.
    const logFile = path.join(server.dataDir, 'vireo.log');
    await vi.waitFor(async () => {
      const lines = (await readFile(logFile, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { msg: string });
      expect(lines.some((l) => l.msg.endsWith(`setup code: ${server.setupCode}`))).toBe(true);
    });
    expect((await stat(logFile)).mode & 0o777).toBe(0o600);
    await page.goto('/setup');
    await page.getByLabel('Setup code').fill('AAAA-AAAA-AAAA');
    await page.getByLabel('Admin user name').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill(adminPassword);
    await page.getByLabel('Repeat password').fill(adminPassword);
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.getByText('That setup code is not right').waitFor();
  });

  it('creates the first admin with the printed code and lands signed in', async () => {
    await createFirstAdmin(page, server.setupCode!);
    await screenshot(page, 'after-setup');
    // The page is gone once an account exists (a signed-in admin ends up on the dashboard).
    await page.goto('/setup');
    await page.waitForURL((u) => u.pathname === '/');
  });

  it('uses httpOnly, SameSite=Strict, Secure session cookies', async () => {
    const cookies = await ctx.cookies();
    const session = cookies.find((c) => c.name === 'vireo_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true });
  });

  it('signs out, refuses a wrong password, and signs back in', async () => {
    await page.goto('/');
    await logout(page);
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong user name or password.').waitFor();
    await login(page, 'admin', adminPassword);
    expect(await page.getByTestId('current-user').textContent()).toContain('admin');
  });

  it('refuses API requests without a session, and mutations without the CSRF token', async () => {
    const anon = await newContext(browser, server.url);
    const res = await anon.request.get('/api/auth/session');
    expect(res.status()).toBe(401);
    const users = await anon.request.post('/api/users', { data: { username: 'x', password: 'xxxxxxxxxxxx', role: 'admin' } });
    expect(users.status()).toBe(401);
    await anon.close();
    const noToken = await ctx.request.post('/api/users', { data: { username: 'eve', password: 'xxxxxxxxxxxx', role: 'admin' } });
    expect(noToken.status()).toBe(403);
    const crossSite = await ctx.request.post('/api/users', { data: {}, headers: { origin: 'https://evil.example' } });
    expect(crossSite.status()).toBe(403);
  });

  it('shows the sign-ins in the audit log', async () => {
    await page.goto('/audit');
    const table = page.getByTestId('audit-table');
    await table.getByText('login').first().waitFor();
    expect(await table.textContent()).toContain('setup');
    const { status, body } = await apiFromPage(page, '/api/audit?q=login');
    expect(status).toBe(200);
    expect((body.entries as Array<{ outcome: string }>).map((e) => e.outcome)).toEqual(expect.arrayContaining(['ok', 'denied']));
  });

  // Last: it locks out this client address for a while.
  it('rate-limits failed sign-ins', async () => {
    const anon = await newContext(browser, server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await anon.request.post('/api/auth/login', { data: { username: 'mallory', password: `guess-${i}` } });
      statuses.push(res.status());
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    const locked = await anon.request.post('/api/auth/login', { data: { username: 'admin', password: adminPassword } });
    expect(locked.status()).toBe(429);
    expect(((await locked.json()) as { error: string }).error).toMatch(/Too many failed sign-ins/);
    await anon.close();
  });
});
