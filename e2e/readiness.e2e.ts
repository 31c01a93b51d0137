import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, screenshot } from './support/browser';
import { startVireo, type VireoServer } from './support/server';
import { apiFromPage, createFirstAdmin } from './support/journeys';

const NOTE = 'The self-test runs a few bytes of real-mode code in a one-vCPU VM: it proves the KVM ioctl path works, not that a full guest OS boots.';
// The witness for what the page must say: does this machine have the KVM device at all?
const hasKvm = existsSync('/dev/kvm');

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** For one describe block: a server with these settings and a page signed in as its first admin. */
function signedInServer(env: Record<string, string>): { server: VireoServer; ctx: BrowserContext; page: Page } {
  const s = {} as { server: VireoServer; ctx: BrowserContext; page: Page };
  beforeAll(async () => {
    s.server = await startVireo(env);
    s.ctx = await newContext(browser, s.server.url);
    s.page = await s.ctx.newPage();
    await createFirstAdmin(s.page, s.server.setupCode!);
  });
  afterAll(async () => {
    await s.ctx?.close();
    await s.server?.stop();
  });
  return s;
}

describe('virtualization readiness', () => {
  const s = signedInServer({ VIREO_FORCE_EMULATION: 'false' });

  it('lists each check with its status, meaning and the self-test note', async () => {
    await s.page.getByRole('link', { name: 'Readiness' }).click();
    await s.page.waitForURL('**/readiness');
    await s.page.getByTestId('readiness-checks').waitFor();
    expect(await s.page.getByTestId('self-test-note').textContent()).toBe(NOTE);

    const statuses = await s.page
      .locator('[data-testid^="check-status-"]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-testid')!.replace('check-status-', ''), e.getAttribute('data-status')]));
    // The last row is the test guests started through libvirt; they decide between KVM and emulation (on this
    // nested host KVM guests stop at their boot loader, so it is emulation; first-vm.e2e.ts goes through that).
    const { body } = await apiFromPage(s.page, '/api/host/readiness');
    const guests = (body.checks as { id: string; attempts: { type: string; ok: boolean }[] }[]).find((c) => c.id === 'guest-start')!;
    const decided = guests.attempts.find((a) => a.ok)?.type ?? 'qemu';
    if (hasKvm) {
      expect(statuses.map(([id]) => id)).toEqual(['device', 'api-version', 'capabilities', 'vcpus', 'cpu-features', 'nested', 'self-test', 'guest-start']);
      expect(Object.fromEntries(statuses)).toMatchObject({ device: 'pass', 'api-version': 'pass', 'self-test': 'pass' });
      expect(await s.page.getByTestId('fact-api-version').textContent()).toBe('12');
      expect(await s.page.getByTestId('fact-self-test').textContent()).toMatch(/^passed in [\d.]+ ms \(KVM_EXIT_IO then KVM_EXIT_HLT\)$/);
      expect(await s.page.getByTestId('fact-cpu-features').textContent()).toContain('lm');
      expect(await s.page.getByTestId('readiness-domain-type').getAttribute('data-type')).toBe(decided);
    } else {
      expect(statuses).toEqual([
        ['device', 'fail'],
        ['guest-start', 'pass'],
      ]);
      expect(await s.page.getByTestId('check-fix-device').textContent()).toMatch(/How to fix/);
      expect(await s.page.getByTestId('readiness-domain-type').getAttribute('data-type')).toBe('qemu');
    }
    for (const [, status] of statuses) expect(['pass', 'warn', 'fail']).toContain(status);
    expect(await s.page.getByText('For guests:').count()).toBe(statuses.length);
    expect(await s.page.getByTestId('emulation-forced').count()).toBe(0);
    await screenshot(s.page, 'readiness');
  });

  it('probes again on request', async () => {
    const before = await s.page.locator('time').getAttribute('datetime');
    await new Promise((r) => setTimeout(r, 20));
    await s.page.getByRole('link', { name: 'Probe again' }).click();
    await s.page.waitForURL('**/readiness?refresh=1');
    await s.page.waitForFunction((b) => document.querySelector('time')?.getAttribute('datetime') !== b, before);
  });

  it('answers JSON to a signed-in client and 401 without a session', async () => {
    const { status, body } = await apiFromPage(s.page, '/api/host/readiness');
    expect(status).toBe(200);
    expect(body).toMatchObject({ selfTestNote: NOTE, domainType: { forced: false } });
    const guests = (body.checks as { id: string; attempts: { type: string; ok: boolean }[] }[]).find((c) => c.id === 'guest-start')!;
    expect((body.domainType as { type: string }).type).toBe(guests.attempts.find((a) => a.ok)?.type ?? 'qemu');
    expect((body.checks as Array<{ status: string; impact: string }>).every((c) => ['pass', 'warn', 'fail'].includes(c.status) && c.impact)).toBe(true);

    const anon = await newContext(browser, s.server.url);
    const res = await anon.request.get('/api/host/readiness');
    expect(res.status()).toBe(401);
    expect(await res.json()).toEqual({ error: 'You are not signed in, or your session has expired.', status: 401 });
    await anon.close();
  });
});

describe('virtualization readiness with VIREO_FORCE_EMULATION=true', () => {
  const s = signedInServer({ VIREO_FORCE_EMULATION: 'true' });

  it('shows that new guests are emulated because the setting forces it', async () => {
    await s.page.goto('/host/readiness');
    await s.page.getByTestId('readiness-checks').waitFor();
    const card = s.page.getByTestId('readiness-domain-type');
    expect(await card.getAttribute('data-type')).toBe('qemu');
    await s.page.getByTestId('emulation-forced').waitFor();
    expect(await card.textContent()).toMatch(/QEMU emulation \(TCG\).*forced by the setting VIREO_FORCE_EMULATION/);
    // Forcing emulation does not hide what KVM can do.
    if (hasKvm) expect(await s.page.getByTestId('check-status-self-test').getAttribute('data-status')).toBe('pass');
    await screenshot(s.page, 'readiness-forced-emulation');
    const { body } = await apiFromPage(s.page, '/api/host/readiness');
    expect(body.domainType).toMatchObject({ type: 'qemu', forced: true });
  });
});

describe('virtualization readiness when the KVM addon is not built', () => {
  const s = signedInServer({ VIREO_KVM_ADDON: '/nonexistent/vireo_kvm.node', VIREO_FORCE_EMULATION: 'false' });

  it('shows one failed check with the fix instead of crashing, and emulated guests', async () => {
    await s.page.goto('/host/readiness');
    await s.page.getByTestId('readiness-checks').waitFor();
    expect(await s.page.getByTestId('check-status-device').getAttribute('data-status')).toBe('fail');
    // The device row, and the test guests (emulation only, since KVM is out).
    expect(await s.page.locator('[data-testid^="check-status-"]').count()).toBe(2);
    expect(await s.page.getByTestId('check-fix-device').textContent()).toMatch(/How to fix: .*npm run build:native/);
    expect(await s.page.getByTestId('readiness-domain-type').getAttribute('data-type')).toBe('qemu');
    expect(await s.page.getByTestId('readiness-overall').getAttribute('data-status')).toBe('fail');
    await screenshot(s.page, 'readiness-addon-missing');
  });
});
