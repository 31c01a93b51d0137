import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, newContext, screenshot } from './support/browser';
import { apiFromPage, createFirstAdmin, login, logout } from './support/journeys';
import { startRunningGuest, type RunningGuest } from './support/running-guest';
import { startVireo, type VireoServer } from './support/server';
import { stopAll } from './support/signed-in';

// User management through the browser (issue 13): an admin creates a user and changes, disables, re-enables,
// resets, inspects and deletes them, while that user's own browser shows each change land; the last admin is
// kept; and every user changes their own password on the Account page. A running guest gives the user a console
// to lose.

const suffix = Math.random().toString(36).slice(2, 7);
const vm = `vireo-users-e2e-${suffix}`;
const bobFirst = 'bob-first-password';
const bobSecond = 'bob-second-password';
const carolFirst = 'carol-first-password';
const carolSecond = 'carol-second-password';
/** What a script or tool signs in with: its sessions are told apart from the browser's by it. */
const toolAgent = 'curl/8.5.0';

let server: VireoServer;
let guest: RunningGuest | undefined;
let browser: Browser;
let adminCtx: BrowserContext;
let admin: Page;
let bobCtx: BrowserContext;
let bob: Page;

beforeAll(async () => {
  guest = await startRunningGuest(vm);
  // Plain HTTP on loopback, so the tool sessions below can sign in with Node's fetch.
  server = await startVireo({ VIREO_TLS: 'off' });
  browser = await launchBrowser();
  adminCtx = await newContext(browser, server.url);
  admin = await adminCtx.newPage();
  await createFirstAdmin(admin, server.setupCode!);
  bobCtx = await newContext(browser, server.url);
  bob = await bobCtx.newPage();
});

afterAll(async () => {
  await stopAll({ server, browser });
  await guest?.remove();
});

/** Signs in without a browser, as a tool would; the headers that make a read as that session. */
async function toolSignIn(username: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, 'user-agent': toolAgent },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  return { cookie: cookies.join('; '), origin: server.url, 'user-agent': toolAgent };
}

/** The status a tool session gets for a request that needs it to be signed in. */
async function toolStatus(headers: Record<string, string>): Promise<number> {
  return (await fetch(`${server.url}/api/auth/session`, { headers })).status;
}

async function refusedSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Wrong user name or password.').waitFor();
  expect(new URL(page.url()).pathname).toBe('/login');
}

const row = (name: string): Locator => admin.getByTestId(`user-row-${name}`);
const dialog = (): Locator => admin.getByTestId('user-change-dialog');

/** Opens one of a user's row actions ("Disable", "Change role", ...) on the users page. */
async function open(action: string, name: string): Promise<Locator> {
  await row(name)
    .getByRole('button', { name: `${action} ${name}`, exact: true })
    .click();
  return action === 'Sessions of' ? admin.getByTestId('user-sessions-dialog') : dialog();
}

/** Confirms the open change dialog and waits until it has closed (the change is made and the list re-read). */
async function confirmChange(label: string): Promise<void> {
  await dialog().getByRole('button', { name: label }).click();
  await dialog().waitFor({ state: 'detached' });
}

describe('user management', () => {
  it('creates a user, listed with their role, state and no sessions yet', async () => {
    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.waitForURL('**/users');
    await admin.getByLabel('User name').fill('bob');
    await admin.getByLabel('Password').fill(bobFirst);
    await admin.getByLabel('Role', { exact: true }).selectOption('operator');
    await admin.getByRole('button', { name: 'Add user' }).click();
    await admin.getByText('Created bob.').waitFor();
    await row('bob').waitFor();
    expect(await row('bob').getByTestId('user-role').textContent()).toBe('operator');
    expect(await row('bob').getByTestId('user-state').textContent()).toBe('enabled');
    expect(await row('bob').getByTestId('user-sessions').textContent()).toBe('0');
    expect(await row('admin').textContent()).toContain('(you)');
  });

  it("changes their role, and the user's open console closes with the reason within a second", async () => {
    await login(bob, 'bob', bobFirst);
    await bob.goto(`/vms/${vm}/console`);
    await bob.locator('[data-testid="serial-state"]:not([data-state="connecting"])').waitFor({ timeout: 15_000 });
    await admin.reload();
    expect(await row('bob').getByTestId('user-sessions').textContent()).toBe('1');
    expect(await row('bob').textContent()).not.toContain('—'); // last seen: just now

    const box = await open('Change role of', 'bob');
    expect(await box.getByRole('button', { name: 'Change role' }).isDisabled()).toBe(true); // no change yet
    await box.getByLabel('Role').selectOption('viewer');
    const patched = admin.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/users/'));
    await box.getByRole('button', { name: 'Change role' }).click();
    expect((await patched).status()).toBe(200);
    const at = Date.now();
    await bob.getByTestId('serial-closed').getByText('An admin changed your account.').waitFor({ timeout: 1000 });
    expect(Date.now() - at).toBeLessThan(1000);
    await screenshot(bob, 'users-console-closed-by-role-change');
    await dialog().waitFor({ state: 'detached' });
    expect(await admin.getByTestId('users-done').textContent()).toBe('bob is now viewer.');
    expect(await row('bob').getByTestId('user-role').textContent()).toBe('viewer');
    // Still signed in, with a viewer's rights: no console any more.
    await bob.reload();
    await bob.getByTestId('current-user').getByText('viewer').waitFor();
  });

  it('disables them, which ends their session and refuses their sign-in, and enables them again', async () => {
    const box = await open('Disable', 'bob');
    expect(await box.textContent()).toMatch(/bob can no longer sign in\. Their open session ends now/);
    await confirmChange('Disable account');
    expect(await row('bob').getByTestId('user-state').textContent()).toBe('disabled');
    expect(await row('bob').getByTestId('user-sessions').textContent()).toBe('0');
    await bob.goto('/vms');
    await bob.waitForURL('**/login');
    await refusedSignIn(bob, 'bob', bobFirst);

    await open('Enable', 'bob');
    await confirmChange('Enable account');
    expect(await row('bob').getByTestId('user-state').textContent()).toBe('enabled');
    await login(bob, 'bob', bobFirst);
  });

  it('resets their password: their session ends, the old password is refused and the new one works', async () => {
    const box = await open('Reset password of', 'bob');
    await box.getByLabel('New password', { exact: true }).fill(bobSecond);
    await box.getByLabel('Repeat the new password').fill(`${bobSecond}x`);
    await box.getByRole('button', { name: 'Set password' }).click();
    await box.getByText('The two new passwords differ.').waitFor();
    await box.getByLabel('New password', { exact: true }).fill('short');
    await box.getByLabel('Repeat the new password').fill('short');
    await box.getByRole('button', { name: 'Set password' }).click();
    await box
      .getByText(/Password needs at least 10 characters/)
      .first()
      .waitFor();
    expect(await box.getByLabel('New password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await box.getByLabel('New password', { exact: true }).fill(bobSecond);
    await box.getByLabel('Repeat the new password').fill(bobSecond);
    await confirmChange('Set password');
    expect(await admin.getByTestId('users-done').textContent()).toBe('Set a new password for bob; their sessions ended.');

    await bob.goto('/');
    await bob.waitForURL('**/login');
    await refusedSignIn(bob, 'bob', bobFirst);
    await login(bob, 'bob', bobSecond);
  });

  it('lists their sessions with address and browser, and revokes one: that browser is sent to sign-in, the other stays', async () => {
    // The admin's own list marks the session they are using.
    let box = await open('Sessions of', 'admin');
    await box.getByTestId('session-row-current').getByText('this session').waitFor();
    await box.getByRole('button', { name: 'Close' }).click();

    const tool = await toolSignIn('bob', bobSecond);
    box = await open('Sessions of', 'bob');
    const rows = box.getByTestId('session-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await box.getByTestId('session-row-current').count()).toBe(0);
    const browserRow = rows.filter({ hasText: /Chrom/ });
    const toolRow = rows.filter({ hasText: 'curl 8.5.0' });
    expect(await browserRow.textContent()).toContain('127.0.0.1');
    expect(await browserRow.textContent()).toMatch(/on Linux/);
    expect(await toolRow.count()).toBe(1);
    await screenshot(admin, 'users-sessions');

    await browserRow.getByRole('button', { name: /^Revoke/ }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.textContent()).toContain('curl 8.5.0');
    await box.getByRole('button', { name: 'Close' }).click();
    expect(await row('bob').getByTestId('user-sessions').textContent()).toBe('1');

    // Its next request (a page, an API call, its live feed reconnecting) finds the session gone.
    await bob.goto('/vms');
    await bob.waitForURL('**/login');
    expect(await toolStatus(tool)).toBe(200);
  });

  it('deletes them: their last session ends, and the audit page still shows their name', async () => {
    const tool = await toolSignIn('bob', bobSecond);
    const box = await open('Delete', 'bob');
    expect(await box.textContent()).toContain('The audit log keeps their name.');
    await confirmChange('Delete user');
    await row('bob').waitFor({ state: 'detached' });
    expect(await admin.getByTestId('users-done').textContent()).toBe('Deleted bob.');
    expect(await toolStatus(tool)).toBe(401);

    await admin.getByRole('link', { name: 'Audit log' }).click();
    await admin.getByLabel('Search the audit log').fill('bob');
    const table = admin.getByTestId('audit-table');
    await table.getByText('user.delete').waitFor();
    const who = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    // bob's own sign-ins and changes, by name, though the account is gone.
    expect(who.some((w) => w.startsWith('bob'))).toBe(true);
    const deleted = table.locator('tr', { hasText: 'user.delete' });
    expect(await deleted.textContent()).toMatch(/user\s*bob/);
    await admin.goto('/users');
  });

  it('refuses to demote, disable or delete the last enabled admin, in plain words, and changes nothing', async () => {
    let box = await open('Change role of', 'admin');
    await box.getByLabel('Role').selectOption('operator');
    await box.getByRole('button', { name: 'Change role' }).click();
    await box.getByTestId('change-refused').getByText("Changing admin's role would leave Vireo without an enabled admin.", { exact: false }).waitFor();
    expect(await box.getByTestId('change-refused').textContent()).toContain('Nothing was changed.');
    await box.getByRole('button', { name: 'Cancel' }).click();

    box = await open('Disable', 'admin');
    expect(await box.textContent()).toContain('This is your own account: you will be signed out too.');
    await box.getByRole('button', { name: 'Disable account' }).click();
    await box
      .getByTestId('change-refused')
      .getByText(/Disabling admin would leave Vireo without an enabled admin/)
      .waitFor();
    await box.getByRole('button', { name: 'Cancel' }).click();

    box = await open('Delete', 'admin');
    await box.getByRole('button', { name: 'Delete user' }).click();
    await box
      .getByTestId('change-refused')
      .getByText(/Deleting admin would leave Vireo without an enabled admin\. Make another user admin first\./)
      .waitFor();
    await box.getByRole('button', { name: 'Cancel' }).click();

    await admin.reload();
    expect(await row('admin').getByTestId('user-role').textContent()).toBe('admin');
    expect(await row('admin').getByTestId('user-state').textContent()).toBe('enabled');
  });
});

describe('the account page', () => {
  it('lets a user change their own password: a wrong current one is refused beside the field; their other sessions end', async () => {
    expect((await apiFromPage(admin, '/api/users', 'POST', { username: 'carol', password: carolFirst, role: 'viewer' })).status).toBe(201);
    const ctx = await newContext(browser, server.url);
    const carol = await ctx.newPage();
    await login(carol, 'carol', carolFirst);
    const elsewhere = await toolSignIn('carol', carolFirst);
    await carol.getByRole('link', { name: 'Account' }).click();
    await carol.waitForURL('**/account');
    expect(await carol.getByTestId('account-who').textContent()).toBe('Signed in as carol, role viewer.');

    const current = carol.getByLabel('Current password');
    await current.fill('not-my-password');
    await carol.getByLabel('New password', { exact: true }).fill(carolSecond);
    await carol.getByLabel('Repeat the new password').fill(carolSecond);
    await carol.getByRole('button', { name: 'Change password' }).click();
    await carol.getByText('Not your current password.').waitFor();
    // Beside the field: the message is the field's own description, and the field is marked invalid.
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    const described = (await current.getAttribute('aria-describedby'))!;
    expect(await carol.locator(`[id="${described}"]`).textContent()).toBe('Not your current password.');
    expect(await toolStatus(elsewhere)).toBe(200);

    await current.fill(carolFirst);
    await carol.getByRole('button', { name: 'Change password' }).click();
    expect(await carol.getByTestId('password-changed').textContent()).toContain('Your other sessions were signed out');
    expect(await current.getAttribute('aria-invalid')).toBeNull();
    expect(await toolStatus(elsewhere)).toBe(401);
    // This session stays.
    await carol.reload();
    expect(new URL(carol.url()).pathname).toBe('/account');

    await logout(carol);
    await refusedSignIn(carol, 'carol', carolFirst);
    await login(carol, 'carol', carolSecond);
    await ctx.close();
  });

  it('is there for an admin too, next to the user name', async () => {
    await admin.getByRole('link', { name: 'Account' }).click();
    await admin.waitForURL('**/account');
    expect(await admin.getByTestId('account-who').textContent()).toBe('Signed in as admin, role admin.');
    await admin.getByLabel('Current password').waitFor();
  });
});
