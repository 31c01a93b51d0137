import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connect, type DomainRef, type LibvirtClient } from '@/lib/libvirt';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { launchBrowser, newContext } from './support/browser';
import { adminSession, type HttpSession } from './support/http-session';
import { login } from './support/journeys';
import { startVireo, type VireoServer } from './support/server';
import { testSystemUri } from '@/test/support/test-libvirtd';
import { stopAll } from './support/signed-in';

// A session that ends ends everything it opened: a console WebSocket and the live event stream close within a
// second of sign-out, of a role change, of the account being disabled, and in a browser the console says why.

const suffix = Math.random().toString(36).slice(2, 7);
const vm = `vireo-sess-e2e-${suffix}`;
const password = 'operator-password-1';
let server: VireoServer;
let admin: HttpSession;
let client: LibvirtClient;
let dom: DomainRef;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;

async function api(as: HttpSession, path: string, method = 'GET', body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: server.url, ...as.headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function signIn(username: string, pass: string): Promise<HttpSession> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ username, password: pass }),
  });
  expect(res.status).toBe(200);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('vireo_csrf='))!.split('=')[1]!);
  return { headers: { cookie: cookies.join('; '), 'x-csrf-token': csrf } };
}

/** A serial console WebSocket of `as`; resolves once open, with a promise of its close code. */
async function openConsole(as: HttpSession): Promise<{ closed: Promise<{ code: number; reason: string; at: number }> }> {
  const t = await api(as, '/api/consoles/tickets', 'POST', { kind: 'serial', vm });
  expect(t.status).toBe(200);
  const { url } = (await t.json()) as { url: string };
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}${url}`, { headers: { cookie: as.headers.cookie!, origin: server.url } });
  const closed = new Promise<{ code: number; reason: string; at: number }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString(), at: Date.now() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { closed };
}

/** The live VM feed of `as`; resolves once its first event arrived, with a promise of when the stream ended. */
async function openFeed(as: HttpSession): Promise<{ ended: Promise<number> }> {
  const res = await api(as, '/api/vms/events');
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  await reader.read();
  const ended = (async () => {
    for (;;) {
      const { done } = await reader.read().catch(() => ({ done: true }));
      if (done) return Date.now();
    }
  })();
  return { ended };
}

beforeAll(async () => {
  await ensureFixtures();
  client = await connect(testSystemUri);
  dom = await client.domains.defineXml(tcgGuestXml({ name: vm, memoryMiB: 96 }));
  await client.domains.create(dom);
  server = await startVireo({ VIREO_TLS: 'off' });
  admin = await adminSession(server);
  expect((await api(admin, '/api/users', 'POST', { username: 'op', password, role: 'operator' })).status).toBe(201);
  browser = await launchBrowser();
  ctx = await newContext(browser, server.url);
  page = await ctx.newPage();
});

afterAll(async () => {
  await stopAll({ server, browser });
  await client?.domains.destroy(dom).catch(() => undefined);
  await client?.domains.undefine(dom).catch(() => undefined);
  await client?.close();
});

const userId = async (name: string) =>
  ((await (await api(admin, '/api/users')).json()) as { users: { id: string; username: string }[] }).users.find((u) => u.username === name)!.id;

describe('sessions that end', () => {
  it('close the console and the event stream within a second of sign-out', async () => {
    const op = await signIn('op', password);
    const con = await openConsole(op);
    const feed = await openFeed(op);
    const at = Date.now();
    expect((await api(op, '/api/auth/logout', 'POST')).status).toBe(200);
    const closed = await con.closed;
    expect(closed.code).toBe(4011);
    expect(closed.at - at).toBeLessThan(1000);
    expect((await feed.ended) - at).toBeLessThan(1000);
    expect((await api(op, '/api/vms')).status).toBe(401);
  });

  it('close them within a second of a role change, and the console says why', async () => {
    const op = await signIn('op', password);
    const con = await openConsole(op);
    const feed = await openFeed(op);
    const id = await userId('op');
    const at = Date.now();
    expect((await api(admin, `/api/users/${id}`, 'PATCH', { role: 'viewer' })).status).toBe(200);
    const closed = await con.closed;
    expect(closed.code).toBe(4011);
    expect(closed.reason).toMatch(/admin changed your account/);
    expect(closed.at - at).toBeLessThan(1000);
    expect((await feed.ended) - at).toBeLessThan(1000);
    // Still signed in, now with the viewer's rights: no console.
    expect((await api(op, '/api/consoles/tickets', 'POST', { kind: 'serial', vm })).status).toBe(403);
    expect((await api(admin, `/api/users/${id}`, 'PATCH', { role: 'operator' })).status).toBe(200);
  });

  it('close them when the account is disabled, and in a browser the console shows why', async () => {
    await login(page, 'op', password);
    await page.goto(`/vms/${vm}/console`);
    await page.locator('[data-testid="serial-state"]:not([data-state="connecting"])').waitFor({ timeout: 15_000 });
    const op = await signIn('op', password);
    const con = await openConsole(op);
    const id = await userId('op');
    const at = Date.now();
    expect((await api(admin, `/api/users/${id}`, 'PATCH', { disabled: true })).status).toBe(200);
    expect((await con.closed).at - at).toBeLessThan(1000);
    await page.getByTestId('serial-closed').getByText('Your session ended').waitFor({ timeout: 1000 });
    expect(
      (
        await fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.url },
          body: JSON.stringify({ username: 'op', password }),
        })
      ).status,
    ).toBe(401);
  });
});
