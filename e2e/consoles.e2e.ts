import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connect, DomainCreateFlags, type LibvirtClient } from '@/lib/libvirt';
import { toWireDomain } from '@/lib/libvirt/api/refs';
import { parseXml, serializeXml, child } from '@/lib/xml/parse';
import { bootBanner, ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { virshCleanupDomain } from '@/test/support/virsh';
import { launchBrowser, newContext, screenshot } from './support/browser';
import { watchCsp } from './support/csp';
import { startVireo, type VireoServer } from './support/server';
import { terminalText, waitText } from './support/terminal';
import { adminPassword, apiFromPage, createFirstAdmin } from './support/journeys';
import { testSystemUri } from '@/test/support/test-libvirtd';
import { stopAll } from './support/signed-in';

// Issue 5: serial console (xterm.js) and VNC (noVNC) of a TCG guest, the admin host terminal, refusals of
// console upgrades, and a 50 MB flood on the guest's virtio console while a browser is attached.

const suffix = Math.random().toString(36).slice(2, 8);
const vm = `vireo-con-e2e-${suffix}`;
const viewerPassword = 'viewer-password-123';

let server: VireoServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let client: LibvirtClient;
const foreign: ChildProcess[] = [];
/** Content-Security-Policy violations reported by any page of the context (xterm.js and noVNC included). */
let cspViolations: string[] = [];

/** The fixture guest plus a VGA/VNC display and a virtio console (hvc0), the fast path for the flood. */
function guestXml(): string {
  const doc = parseXml(tcgGuestXml({ name: vm, memoryMiB: 160, vga: true }));
  const devices = child(doc.documentElement, 'devices')!;
  const con = doc.createElement('console');
  con.setAttribute('type', 'pty');
  const target = doc.createElement('target');
  target.setAttribute('type', 'virtio');
  target.setAttribute('port', '1');
  con.appendChild(target);
  devices.insertBefore(con, child(devices, 'memballoon'));
  return serializeXml(doc);
}

async function serialState(p: Page, state: string, timeout = 30_000): Promise<void> {
  await p.locator(`[data-testid="serial-state"][data-state="${state}"]`).waitFor({ timeout });
}

async function typeLine(p: Page, line: string): Promise<void> {
  await p.locator('[data-testid="serial-terminal"] .xterm-helper-textarea').focus();
  await p.keyboard.type(line);
  await p.keyboard.press('Enter');
}

async function httpLogin(username: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}

async function ticketAs(cookie: string, body: Record<string, unknown>): Promise<{ status: number; url?: string }> {
  const csrf = decodeURIComponent(cookie.match(/vireo_csrf=([^;]*)/)?.[1] ?? '');
  const res = await fetch(`${server.url}/api/consoles/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf, origin: server.url },
    body: JSON.stringify(body),
  });
  return { status: res.status, url: ((await res.json()) as { url?: string }).url };
}

/** Tries a WebSocket upgrade; resolves with 'open' or the HTTP status of the refusal. */
function upgrade(pathAndQuery: string, headers: Record<string, string>): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}${pathAndQuery}`, { headers, rejectUnauthorized: false });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(0));
  });
}

/** Pixels brighter than near-black in a PNG screenshot, decoded by the browser itself. */
async function litPixels(p: Page, png: Buffer): Promise<number> {
  return p.evaluate(async (b64) => {
    // An <img>, not fetch(): the page's CSP lets images load from data: URLs but connections go to its origin only.
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const bitmap = await createImageBitmap(img);
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = c.getContext('2d')!;
    g.drawImage(bitmap, 0, 0);
    const d = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! + d[i + 1]! + d[i + 2]! > 150) n++;
    return n;
  }, png.toString('base64'));
}

async function serverRssKiB(): Promise<number> {
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('server/main.ts') || !cmd.includes('loader.mjs')) continue;
      if (!(await readFile(`/proc/${pid}/environ`, 'utf8')).includes(`VIREO_DATA_DIR=${server.dataDir}`)) continue;
      return Number((await readFile(`/proc/${pid}/status`, 'utf8')).match(/VmRSS:\s+(\d+)/)![1]);
    } catch {
      // processes come and go
    }
  }
  throw new Error('Vireo server process not found');
}

beforeAll(async () => {
  await ensureFixtures();
  client = await connect(testSystemUri);
  const dom = await client.domains.defineXml(guestXml());
  // Paused first: the console is attached before the guest prints its first line.
  await client.remote.domainCreateWithFlags({ dom: toWireDomain(dom), flags: DomainCreateFlags.START_PAUSED });
  // Plain HTTP on loopback, so the refusal checks can use Node's fetch and ws without the self-signed certificate.
  server = await startVireo({ VIREO_TLS: 'off', VIREO_HOST_TERMINAL: '1', VIREO_CONSOLE_MAX_PER_USER: '6' });
  browser = await launchBrowser();
  ctx = await newContext(browser, server.url);
  cspViolations = await watchCsp(ctx);
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await ctx.newPage();
  await createFirstAdmin(page, server.setupCode!);
});

afterAll(async () => {
  for (const f of foreign) f.kill();
  await stopAll({ server, browser }, 'consoles');
  await virshCleanupDomain(vm);
  await client?.close();
});

describe('serial console', () => {
  it('shows the boot of the guest, runs a command typed in the browser and prints 42', async () => {
    await page.goto(`/vms/${vm}`);
    await page.getByTestId('open-console').click();
    await page.waitForURL(`**/vms/${vm}/console`);
    await serialState(page, 'live');
    await client.domains.resume(await client.domains.lookupByName(vm));
    await waitText(page, new RegExp(`${bootBanner} hostname=${vm}`), 90_000);
    await waitText(page, /vireo# /, 30_000);
    await typeLine(page, 'echo $((6*7))');
    await waitText(page, /^42\s*$/m, 20_000);
    await screenshot(page, 'consoles-serial-42');
  });

  it('gives a viewer who opens the console late the boot messages from the scrollback', async () => {
    const late = await ctx.newPage();
    await late.goto(`/vms/${vm}/console`);
    await serialState(late, 'live');
    const text = await waitText(late, new RegExp(`${bootBanner} hostname=${vm}`), 10_000);
    expect(text).toMatch(/^42\s*$/m);
    await late.close();
  });

  it('follows the guest through a reboot and through a power cycle (reconnecting)', async () => {
    const banners = async () => (await terminalText(page)).split(`${bootBanner} hostname=${vm}`).length - 1;
    const nextBoot = async (seen: number) => {
      const until = Date.now() + 90_000;
      while ((await banners()) <= seen) {
        if (Date.now() > until) throw new Error(`no new boot banner:\n${(await terminalText(page)).slice(-1500)}`);
        await page.waitForTimeout(200);
      }
      // The prompt comes right after; ash then asks the terminal for the cursor position, so give it a moment.
      await page.waitForTimeout(1500);
    };
    let seen = await banners();
    await typeLine(page, 'reboot -f');
    await nextBoot(seen);
    // Power cycle: QEMU exits, libvirt keeps the old stream; Vireo reconnects when the VM starts again.
    expect((await apiFromPage(page, `/api/vms/${vm}/actions`, 'POST', { action: 'destroy' })).status).toBe(200);
    await serialState(page, 'stopped');
    seen = await banners();
    expect((await apiFromPage(page, `/api/vms/${vm}/actions`, 'POST', { action: 'start' })).status).toBe(200);
    await serialState(page, 'live');
    await nextBoot(seen);
    await typeLine(page, 'echo again-$((40+2))');
    await waitText(page, /^again-42\s*$/m, 20_000);
    await screenshot(page, 'consoles-serial-after-power-cycle');
  });

  it('shows "in use elsewhere" while virsh console holds it, and takes it over on request', async () => {
    const virshConsole = spawn('script', ['-qfc', `virsh -c '${testSystemUri}' console --force ${vm}`, '/dev/null'], { stdio: 'pipe' });
    foreign.push(virshConsole);
    await page.getByTestId('serial-busy').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('serial-busy').textContent()).toMatch(/in use elsewhere/);
    await screenshot(page, 'consoles-serial-busy');
    await page.getByRole('button', { name: 'Take over' }).click();
    await serialState(page, 'live');
    const at = (await terminalText(page)).length;
    await typeLine(page, 'echo mine-$((40+2))');
    await waitText(page, /^mine-42\s*$/m, 20_000, 'serial-terminal', Math.max(0, at - 500));
    virshConsole.kill();
  });

  it('copies the selection and pastes into the guest through the clipboard', async () => {
    await page.evaluate(() => navigator.clipboard.writeText('echo pasted-$((6*7))\r'));
    await page.getByRole('button', { name: 'Paste' }).click();
    await waitText(page, /^pasted-42\s*$/m, 20_000);
  });
});

describe('VNC console', () => {
  it('shows the guest display in noVNC, with a non-blank framebuffer', async () => {
    // Something on the VGA text console, so the screen is not black whatever the kernel left there.
    await typeLine(page, 'echo VIREO-VNC-CHECK > /dev/tty1');
    await page.getByRole('tab', { name: 'Graphical (VNC)' }).click();
    await page.locator('[data-testid="vnc-state"][data-state="open"]').waitFor({ timeout: 30_000 });
    const canvas = page.locator('[data-testid="vnc-screen"] canvas');
    await canvas.waitFor();
    let lit = 0;
    for (let i = 0; i < 40 && lit < 50; i++) {
      await page.waitForTimeout(250);
      lit = await litPixels(page, await canvas.screenshot());
    }
    await screenshot(page, 'consoles-vnc');
    expect(lit).toBeGreaterThan(50);
  });

  it('types pasted text into the guest as key presses (no guest agent)', async () => {
    await page.getByRole('tab', { name: 'Serial' }).click();
    await serialState(page, 'live');
    await page.waitForTimeout(500);
    // The serial shell reads one line from the VGA console's keyboard and prints it back on the serial port.
    await typeLine(page, 'head -n 1 /dev/tty1 | sed s/^/got:/');
    await page.getByRole('tab', { name: 'Graphical (VNC)' }).click();
    await page.locator('[data-testid="vnc-state"][data-state="open"]').waitFor({ timeout: 30_000 });
    await page.getByLabel('Text to type into the guest').fill('Typed-Via-VNC 42\n');
    await page.getByRole('button', { name: 'Type into guest' }).click();
    await page.waitForTimeout(1000);
    await screenshot(page, 'consoles-vnc-typed');
    await page.getByRole('tab', { name: 'Serial' }).click();
    await waitText(page, /^got:Typed-Via-VNC 42\s*$/m, 20_000);
    await page.getByRole('tab', { name: 'Graphical (VNC)' }).click();
    await page.locator('[data-testid="vnc-state"][data-state="open"]').waitFor({ timeout: 30_000 });
  });

  it('offers Ctrl+Alt+Del, key combinations, scaling, full screen and pop-out', async () => {
    expect(await page.getByRole('button', { name: 'Ctrl+Alt+Del' }).isEnabled()).toBe(true);
    expect(await page.getByLabel('Send keys').locator('option').allTextContents()).toContain('Ctrl+Alt+F2');
    expect(await page.getByLabel('Scale to window').isChecked()).toBe(true);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Pop out' }).click()]);
    await popup.locator('[data-testid="vnc-state"][data-state="open"]').waitFor({ timeout: 30_000 });
    await popup.close();
  });

  it('ran xterm.js and noVNC under the Content-Security-Policy without a single violation', () => {
    expect(cspViolations).toEqual([]);
  });
});

describe('console upgrades are refused without a session, a ticket, the role or the origin', () => {
  let adminCookie: string;
  let viewerCookie: string;

  beforeAll(async () => {
    expect((await apiFromPage(page, '/api/users', 'POST', { username: 'val', password: viewerPassword, role: 'viewer' })).status).toBe(201);
    adminCookie = await httpLogin('admin', adminPassword);
    viewerCookie = await httpLogin('val', viewerPassword);
  });

  it('accepts a fresh ticket once, with the session and origin it was issued to', async () => {
    const t = await ticketAs(adminCookie, { kind: 'serial', vm });
    expect(t.status).toBe(200);
    expect(await upgrade(t.url!, { cookie: adminCookie, origin: server.url })).toBe('open');
    expect(await upgrade(t.url!, { cookie: adminCookie, origin: server.url })).toBe(403);
  });

  it('refuses without a cookie, from another origin, or without an Origin at all', async () => {
    const a = await ticketAs(adminCookie, { kind: 'serial', vm });
    expect(await upgrade(a.url!, { origin: server.url })).toBe(401);
    const b = await ticketAs(adminCookie, { kind: 'serial', vm });
    expect(await upgrade(b.url!, { cookie: adminCookie, origin: 'https://evil.example' })).toBe(403);
    const c = await ticketAs(adminCookie, { kind: 'serial', vm });
    expect(await upgrade(c.url!, { cookie: adminCookie })).toBe(403);
  });

  it("refuses a viewer: no ticket for them, and another user's ticket does not work with their cookie", async () => {
    expect((await ticketAs(viewerCookie, { kind: 'serial', vm })).status).toBe(403);
    expect((await ticketAs(viewerCookie, { kind: 'vnc', vm })).status).toBe(403);
    const stolen = await ticketAs(adminCookie, { kind: 'serial', vm });
    expect(await upgrade(stolen.url!, { cookie: viewerCookie, origin: server.url })).toBe(403);
    expect(await upgrade(`/ws/consoles/serial?ticket=${'A'.repeat(43)}`, { cookie: viewerCookie, origin: server.url })).toBe(403);
    const viewerPage = await ctx
      .browser()!
      .newContext({ baseURL: server.url, ignoreHTTPSErrors: true })
      .then((c) => c.newPage());
    await viewerPage.goto('/login');
    await viewerPage.getByLabel('User name').fill('val');
    await viewerPage.getByLabel('Password').fill(viewerPassword);
    await viewerPage.getByRole('button', { name: 'Sign in' }).click();
    await viewerPage.waitForURL((u) => u.pathname === '/');
    await viewerPage.goto(`/vms/${vm}`);
    expect(await viewerPage.getByTestId('open-console').count()).toBe(0);
    await viewerPage.goto(`/vms/${vm}/console`);
    await viewerPage.waitForURL((u) => u.pathname === '/');
    await viewerPage.context().close();
  });

  it('refuses a URL made from the VM name or UUID, and tickets for unknown VMs', async () => {
    const uuid = (await client.domains.lookupByName(vm)).uuid;
    for (const guess of [`/ws/consoles/serial?ticket=${vm}`, `/ws/consoles/serial?ticket=${uuid}`, `/ws/consoles/serial/${uuid}`, '/ws/consoles/serial']) {
      expect([403, 404]).toContain(await upgrade(guess, { cookie: adminCookie, origin: server.url }));
    }
    expect((await ticketAs(adminCookie, { kind: 'serial', vm: 'no-such-vm' })).status).toBe(404);
    expect((await ticketAs(adminCookie, { kind: 'serial', vm, device: '../etc' })).status).toBe(422);
  });

  it('caps the open consoles per user', async () => {
    const open: WebSocket[] = [];
    let refused: number | 'open' = 'open';
    for (let i = 0; i < 8 && refused === 'open'; i++) {
      const t = await ticketAs(adminCookie, { kind: 'serial', vm });
      refused = await new Promise((resolve) => {
        const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}${t.url}`, {
          headers: { cookie: adminCookie, origin: server.url },
          rejectUnauthorized: false,
        });
        ws.on('open', () => {
          open.push(ws);
          resolve('open');
        });
        ws.on('unexpected-response', (_r, res) => resolve(res.statusCode ?? 0));
      });
    }
    expect(refused).toBe(429);
    // The browser page holds one; the cap is 6.
    expect(open.length).toBeLessThanOrEqual(5);
    for (const ws of open) ws.close();
  });
});

describe('host terminal', () => {
  it('needs the password again, runs a shell, and records start and end in the audit log', async () => {
    const term = await ctx.newPage();
    await term.goto('/host/terminal');
    await term.getByLabel('Password').fill('wrong-password-1');
    await term.getByRole('button', { name: 'Open terminal' }).click();
    await term.getByText('That password is not right.').waitFor();
    await term.getByRole('button', { name: 'New session' }).click();
    await term.getByLabel('Password').fill(adminPassword);
    await term.getByRole('button', { name: 'Open terminal' }).click();
    await term.locator('[data-testid="host-terminal-state"][data-state="open"]').waitFor();
    // Typed before the shell shows its prompt, the first keys can be lost (the shell resets the line as it starts).
    await waitText(term, /[$#] ?$/m, 20_000, 'host-terminal');
    await term.locator('[data-testid="host-terminal"] .xterm-helper-textarea').focus();
    await term.keyboard.type('echo host-$((6*7)); exit');
    await term.keyboard.press('Enter');
    await waitText(term, /^host-42\s*$/m, 20_000, 'host-terminal');
    await term.locator('[data-testid="host-terminal-state"][data-state="closed"]').waitFor();
    await screenshot(term, 'consoles-host-terminal');
    await term.close();
    const audit = await apiFromPage(page, '/api/audit?q=host.terminal');
    const actions = (audit.body.entries as Array<{ action: string; outcome: string; username: string }>).map((e) => `${e.action}:${e.outcome}:${e.username}`);
    expect(actions).toEqual(expect.arrayContaining(['host.terminal.start:ok:admin', 'host.terminal.end:ok:admin', 'host.terminal.reauth:denied:admin']));
  });
});

describe('flood', () => {
  it('a guest writing 50 MB to its console while a browser is attached keeps the server bounded and other consoles responsive', async () => {
    const flood = await ctx.newPage();
    await flood.goto(`/vms/${vm}/console`);
    await flood.getByLabel('Console device').selectOption('console1');
    await serialState(flood, 'live');
    await page.getByRole('tab', { name: 'Serial' }).click();
    await serialState(page, 'live');
    // A client that never reads: the server must drop for it, not buffer 50 MB or stall the others.
    const cookie = await httpLogin('admin', adminPassword);
    const t = await ticketAs(cookie, { kind: 'serial', vm, device: 'console1' });
    const stalled = new WebSocket(`${server.url.replace(/^http/, 'ws')}${t.url}`, { headers: { cookie, origin: server.url } });
    await new Promise((resolve, reject) => {
      stalled.once('open', resolve);
      stalled.once('error', reject);
    });
    stalled.pause();
    // Set from an event handler: the cast keeps TypeScript from narrowing it to null for good.
    let stalledClose = null as number | null;
    stalled.on('close', (code) => (stalledClose = code));
    const baseline = await serverRssKiB();
    const t0 = Date.now();
    await typeLine(page, "(head -c 50000000 /dev/zero | tr '\\0' x > /dev/hvc0; echo FLOOD-DONE-$((1+1))) &");
    let peak = baseline;
    const sampler = setInterval(
      () =>
        void serverRssKiB()
          .then((r) => (peak = Math.max(peak, r)))
          .catch(() => undefined),
      250,
    );
    try {
      await waitText(flood, /xxxxxxxxxx/, 30_000);
      // Another console answers while the flood runs.
      const at = (await terminalText(page)).length;
      await typeLine(page, 'echo during-$((6*7))');
      await waitText(page, /^during-42\s*$/m, 20_000, 'serial-terminal', Math.max(0, at - 500));
      await waitText(page, /FLOOD-DONE-2/, 120_000);
    } finally {
      clearInterval(sampler);
    }
    const seconds = (Date.now() - t0) / 1000;
    const growthMiB = (peak - baseline) / 1024;
    stalled.terminate();
    console.log(`flood: stalled reader ${stalledClose === null ? 'still attached (dropping)' : `closed by the server with ${stalledClose}`}`);
    console.log(
      `flood: 50 MB in ${seconds.toFixed(1)} s (${(50 / seconds).toFixed(2)} MB/s); server RSS ${Math.round(baseline / 1024)} MiB → peak ` +
        `${Math.round(peak / 1024)} MiB (+${growthMiB.toFixed(1)} MiB)`,
    );
    await screenshot(flood, 'consoles-flood');
    // Bound: scrollback 256 KiB + 1 MiB queued per browser + ~1 MiB libvirt stream buffer, plus GC slack.
    expect(growthMiB).toBeLessThan(48);
    await flood.close();
  });
});

describe('content security policy', () => {
  it('was not violated by any console page, the host terminal and the flood included', () => {
    expect(cspViolations).toEqual([]);
  });
});
