import { mkdir, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureFixtures, bootBanner, shellPrompt, tcgGuestXml } from '@/test/support/fixtures';
import { virsh, virshDefine, virshCleanupDomain } from '@/test/support/virsh';
import { ConsoleReader } from '@/test/support/console-reader';
import { newContext, screenshot } from './support/browser';
import { type VireoServer } from './support/server';
import { startSignedIn, stopAll } from './support/signed-in';
import { apiFromPage, login } from './support/journeys';
import { testPoolDir } from '@/test/support/test-libvirtd';

// The VM journeys of issue 3, against the real libvirtd with a TCG guest; virsh witnesses each result.

const suffix = Math.random().toString(36).slice(2, 8);
const vm = `vireo-e2e-${suffix}`;
const pool = `vireo-e2e-pool-${suffix}`;
const poolDir = testPoolDir(pool);
const viewerPassword = 'viewer-password-123';

let server: VireoServer;
let browser: Browser;
let page: Page;
let volumePath: string;
let consoleReader: ConsoleReader | null = null;

const domstate = async () => (await virsh(['domstate', vm])).trim();

async function stateBadge(state: string, timeout = 60_000): Promise<void> {
  await page.locator(`[data-testid="vm-state-${vm}"][data-state="${state}"]`).first().waitFor({ timeout });
}

// The guest must be up (acpid running) before an ACPI shutdown can work. If the banner went by before the
// reader attached, a newline brings the shell prompt back instead.
async function attachConsole(): Promise<void> {
  consoleReader?.close();
  const reader = await ConsoleReader.forDomain(vm);
  consoleReader = reader;
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      await reader.waitFor(new RegExp(`${bootBanner}|${shellPrompt}`), 3_000);
      return;
    } catch {
      reader.write('\n');
    }
  }
  throw new Error(`guest ${vm} did not boot:\n${reader.transcript}`);
}

beforeAll(async () => {
  await ensureFixtures();
  await mkdir(poolDir, { recursive: true });
  await virsh(['pool-create-as', pool, 'dir', '--target', poolDir]);
  await virsh(['vol-create-as', pool, `${vm}.img`, '4M', '--format', 'raw']);
  volumePath = (await virsh(['vol-path', '--pool', pool, `${vm}.img`])).trim();
  await virshDefine(tcgGuestXml({ name: vm, memoryMiB: 128, withDisk: volumePath, network: 'default' }));
  ({ server, browser, page } = await startSignedIn());
});

afterAll(async () => {
  consoleReader?.close();
  await stopAll({ server, browser }, 'vms');
  await virshCleanupDomain(vm);
  await virsh(['pool-destroy', pool]).catch(() => undefined);
  await rm(poolDir, { recursive: true, force: true });
});

describe('virtual machines', () => {
  it('shows the host overview with versions and KVM status', async () => {
    await page.goto('/');
    expect(await page.getByTestId('libvirt-version').textContent()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(await page.getByTestId('host-name').textContent()).toBeTruthy();
    expect(await page.getByTestId('pool-list').textContent()).toContain(pool);
  });

  it('lists the guest defined through libvirt', async () => {
    await page.goto('/vms');
    await stateBadge('shut off');
    await page.getByLabel('Search virtual machines').fill(suffix);
    await expect.poll(() => page.getByTestId('vm-count').textContent()).toMatch(/^1 of \d+$/);
    await screenshot(page, 'vm-list');
  });

  it('starts it and the new state arrives live', async () => {
    await page.getByRole('button', { name: `Start ${vm}` }).click();
    await stateBadge('running');
    expect(await domstate()).toBe('running');
    await attachConsole();
  });

  it('shows the address the guest leased from the libvirt network', async () => {
    // Up to the line end: the pattern is checked as output arrives, possibly mid-address.
    const bound = /VIREO-DHCP-BOUND interface=eth0 ip=(\d+\.\d+\.\d+\.\d+)\s/;
    const out = await consoleReader!.run('udhcpc -i eth0 -q -n', bound, 30_000);
    const ip = out.match(bound)![1]!;
    await page.getByTestId(`vm-row-${vm}`).getByText(ip, { exact: true }).waitFor({ timeout: 30_000 });
  });

  it('shows a change made outside Vireo without reloading', async () => {
    await virsh(['suspend', vm]);
    await stateBadge('paused', 15_000);
    await virsh(['resume', vm]);
    await stateBadge('running', 15_000);
  });

  it("refuses an action that does not fit the state, with libvirt's reason", async () => {
    const res = await apiFromPage(page, `/api/vms/${vm}/actions`, 'POST', { action: 'start' });
    expect(res.body.error).toMatch(/already running/);
    expect(res.status).toBe(409);
  });

  it('shuts it down through ACPI', async () => {
    await page.getByRole('button', { name: `Shut down ${vm}` }).click();
    await stateBadge('shut off', 90_000);
    expect(await domstate()).toBe('shut off');
  });

  it('forces it off after asking', async () => {
    await page.getByRole('button', { name: `Start ${vm}` }).click();
    await stateBadge('running');
    await attachConsole();
    await page.getByRole('button', { name: `Force off ${vm}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('pulling the power plug').waitFor();
    await dialog.getByRole('button', { name: 'Force off' }).click();
    await stateBadge('shut off');
    expect(await domstate()).toBe('shut off');
  });

  it("edits the persistent XML with a diff and shows libvirt's validation errors", async () => {
    await page.goto(`/vms/${vm}`);
    await page.getByRole('tab', { name: 'XML' }).click();
    await page.getByRole('button', { name: 'Edit persistent XML' }).click();
    const editor = page.getByTestId('xml-editor');
    const original = await editor.inputValue();

    await editor.fill(original.replace('</domain>', '<domain>'));
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('xml-error').getByText('not well-formed').waitFor();

    await editor.fill(original.replace(/<vcpu([^>]*)>\d+</, '<vcpu$1>lots<'));
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('xml-error').getByText('libvirt').waitFor();
    expect(await virsh(['dumpxml', '--inactive', vm])).not.toContain('lots');

    const edited = original
      .replace(/<memory unit='KiB'>\d+<\/memory>/, "<memory unit='KiB'>163840</memory>")
      .replace(/<currentMemory unit='KiB'>\d+<\/currentMemory>/, "<currentMemory unit='KiB'>163840</currentMemory>")
      .replace(/(<uuid>[^<]*<\/uuid>)/, '$1\n  <description>edited by the e2e test</description>');
    await editor.fill(edited);
    await page.getByRole('button', { name: 'Review changes' }).click();
    const diff = page.getByTestId('xml-diff');
    await diff.getByText('+   <description>edited by the e2e test</description>').waitFor();
    await screenshot(page, 'xml-diff');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('xml-saved').waitFor();
    const xml = await virsh(['dumpxml', '--inactive', vm]);
    expect(xml).toContain('<description>edited by the e2e test</description>');
    expect(xml).toContain("<memory unit='KiB'>163840</memory>");
    await page.getByRole('tab', { name: 'Overview' }).click();
    expect(await page.getByTestId('fact-description').textContent()).toBe('edited by the e2e test');
  });

  it('lets a viewer look but not start the VM, in the UI or the API', async () => {
    await page.goto('/users');
    await page.getByLabel('User name').fill('watcher');
    await page.getByLabel('Password').fill(viewerPassword);
    await page.getByLabel('Role').selectOption('viewer');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('Created watcher.').waitFor();

    const viewerCtx = await newContext(browser, server.url);
    const viewer = await viewerCtx.newPage();
    await login(viewer, 'watcher', viewerPassword);
    await viewer.goto('/vms');
    await viewer.locator(`[data-testid="vm-state-${vm}"]`).waitFor();
    expect(await viewer.getByRole('button', { name: `Start ${vm}` }).count()).toBe(0);
    const res = await apiFromPage(viewer, `/api/vms/${vm}/actions`, 'POST', { action: 'start' });
    expect(res.status).toBe(403);
    expect(await domstate()).toBe('shut off');
    await viewer.goto('/audit');
    await viewer.waitForURL((u) => u.pathname === '/');
    await viewerCtx.close();
  });

  it('says clearly when a VM does not exist', async () => {
    await page.goto('/vms/no-such-vm-here');
    expect(await page.getByTestId('vm-error').textContent()).toMatch(/not found/);
    const bad = await apiFromPage(page, '/api/vms/bad%20name!/actions', 'POST', { action: 'start' });
    expect(bad.status).toBe(404);
  });

  it('deletes it with its volume after asking', async () => {
    await page.goto(`/vms/${vm}`);
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog');
    const volume = dialog.getByTestId('delete-volumes').getByRole('checkbox').first();
    await volume.waitFor();
    expect(await volume.isChecked()).toBe(true);
    await screenshot(page, 'delete-dialog');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL('**/vms?deleted=*');
    await page.getByTestId('deleted-notice').waitFor();
    await expect(virsh(['dominfo', vm])).rejects.toThrow();
    await expect(virsh(['vol-info', '--pool', pool, `${vm}.img`])).rejects.toThrow();
  });

  it('records every change in the audit log', async () => {
    await page.goto('/audit');
    const table = page.getByTestId('audit-table');
    await table.getByText('vm.delete').first().waitFor();
    const text = await table.textContent();
    for (const action of ['vm.start', 'vm.shutdown', 'vm.destroy', 'vm.define', 'vm.delete', 'vm.lifecycle']) expect(text).toContain(action);
    const { body } = await apiFromPage(page, `/api/audit?q=${vm}`);
    const entries = body.entries as Array<{ action: string; outcome: string; username: string; error: string | null }>;
    expect(entries.find((e) => e.action === 'vm.start' && e.outcome === 'error')?.error).toMatch(/already running/);
    expect(entries.find((e) => e.action === 'vm.lifecycle')).toMatchObject({ outcome: 'denied', username: 'watcher' });
    expect(entries.find((e) => e.action === 'vm.define' && e.outcome === 'error')).toBeTruthy();
    await screenshot(page, 'audit');
  });
});
