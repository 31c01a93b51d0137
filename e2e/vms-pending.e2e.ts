import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { virsh, virshCleanupDomain, virshDefine, virshDomState } from '@/test/support/virsh';
import { launchBrowser, newContext, screenshot } from './support/browser';
import { startVireo, type VireoServer } from './support/server';
import { createFirstAdmin } from './support/journeys';
import { stopAll } from './support/signed-in';

// "Shutdown requested" (issue 14): an ACPI shutdown only asks the guest, so the list says so until the guest has
// stopped, in every open page, instead of a success while the VM still runs. This guest has no ACPI and never
// acts on the request; Force off ends it.

const vm = `vireo-e2e-pending-${Math.random().toString(36).slice(2, 8)}`;
let server: VireoServer;
let browser: Browser;
let page: Page;
let other: Page;

const badge = (p: Page, state: string) => p.locator(`[data-testid="vm-state-${vm}"][data-state="${state}"]`).first();
const pending = (p: Page) => p.getByTestId(`vm-pending-${vm}`);

beforeAll(async () => {
  await ensureFixtures();
  await virshDefine(tcgGuestXml({ name: vm, memoryMiB: 96 }).replace(/<acpi\s*\/>|<acpi><\/acpi>/, ''));
  await virsh(['start', vm]);
  server = await startVireo();
  browser = await launchBrowser();
  const ctx = await newContext(browser, server.url);
  page = await ctx.newPage();
  await createFirstAdmin(page, server.setupCode!);
  other = await ctx.newPage();
});

afterAll(async () => {
  await stopAll({ server, browser });
  await virshCleanupDomain(vm);
});

describe('pending states in the VM list', () => {
  it('shows "shutdown requested" while the guest has not stopped, in every open page, until it is forced off', async () => {
    await page.goto('/vms');
    await other.goto('/vms');
    await badge(page, 'running').waitFor();
    expect(await pending(page).count()).toBe(0);
    await page.getByRole('button', { name: `Shut down ${vm}` }).click();
    await pending(page).getByText('shutdown requested').waitFor();
    expect(await page.getByTestId('action-outcome').textContent()).toMatch(/Shutdown requested for "vireo-e2e-pending-\w+": the guest stops when/);
    await pending(other).getByText('shutdown requested').waitFor();
    await screenshot(page, 'vms-shutdown-requested');
    await new Promise((r) => setTimeout(r, 2000));
    expect(await virshDomState(vm)).toBe('running');
    expect(await badge(page, 'running').count()).toBe(1);

    await page.getByRole('button', { name: `Force off ${vm}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Force off' }).click();
    await badge(page, 'shut off').waitFor({ timeout: 30_000 });
    await pending(page).waitFor({ state: 'detached' });
    await pending(other).waitFor({ state: 'detached' });
    // A reload reads the server's rows: nothing pending there either.
    await page.reload();
    await badge(page, 'shut off').waitFor();
    expect(await pending(page).count()).toBe(0);
  });
});
