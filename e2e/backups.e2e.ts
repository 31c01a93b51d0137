import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bootToShell, type ConsoleReader } from '@/test/support/console-reader';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { imageHolds, writeGuestBlock, type Block } from '@/test/support/guest-blocks';
import { virsh, virshDefine } from '@/test/support/virsh';
import { launchBrowser, newContext } from './support/browser';
import { createPool, removePool } from './support/hardware-guest';
import { createFirstAdmin } from './support/journeys';
import { startVireo, type VireoServer } from './support/server';
import { stopAll } from './support/signed-in';

// Issue 18 (backups) through the browser: a running TCG guest writes block A; "Back up" on its Backups tab makes a
// full point; the guest writes block B; "Back up" again makes a much smaller incremental; the full point restored
// into a new VM holds A and not B (the restored image read with qemu-img). Then a schedule is refused with a bad
// cron expression and made with a good one.

const run = promisify(execFile);
const suffix = Math.random().toString(36).slice(2, 8);
const vm = `vireo-bk-e2e-${suffix}`;
const restored = `${vm}-r`;
const disks = `vireo-bk-e2e-d-${suffix}`;
const target = `vireo-bk-e2e-t-${suffix}`;
const MiB = 1024 * 1024;
const A: Block = { offset: 1 * MiB, length: 4 * MiB, byte: 0x41 };
const B: Block = { offset: 16 * MiB, length: 64 * 1024, byte: 0x42 };
let disksDir = '';
let server: VireoServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let guest: ConsoleReader;

async function cleanup(name: string) {
  await virsh(['destroy', name]).catch(() => undefined);
  await virsh(['undefine', name, '--checkpoints-metadata', '--nvram']).catch(() => undefined);
}

beforeAll(async () => {
  await ensureFixtures();
  disksDir = await createPool(disks);
  await createPool(target);
  await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-o', 'compat=1.1', `${disksDir}/data.qcow2`, '32M']);
  await virsh(['pool-refresh', disks]);
  await virshDefine(tcgGuestXml({ name: vm, withDisk: `${disksDir}/data.qcow2` }));
  guest = await bootToShell(vm, 120_000);
  server = await startVireo();
  browser = await launchBrowser();
  ctx = await newContext(browser, server.url);
  page = await ctx.newPage();
  await createFirstAdmin(page, server.setupCode!);
}, 240_000);

afterAll(async () => {
  guest?.close();
  await stopAll({ server, browser }, 'backups');
  await cleanup(vm);
  await cleanup(restored);
  await removePool(disks);
  await removePool(target);
});

async function backUp(kind: 'full' | 'incremental'): Promise<void> {
  await page.getByTestId('backup-pool').selectOption(target);
  await page.getByTestId('backup-start').click();
  await page.getByTestId('backup-job').waitFor();
  await page.getByTestId(`backup-point-${kind}-ok`).waitFor({ timeout: 120_000 });
}

describe('backups in the browser', () => {
  it('backs up a running VM, full then incremental, from its Backups tab', async () => {
    await writeGuestBlock(guest, A);
    await page.goto(`/vms/${vm}`);
    await page.getByRole('tab', { name: 'Backups' }).click();
    await page.getByTestId('backups-panel').waitFor();
    expect(await page.getByTestId('chain-state').textContent()).toContain('full one');
    await backUp('full');
    await writeGuestBlock(guest, B);
    await page.reload();
    await page.getByTestId('backups-panel').waitFor();
    expect(await page.getByTestId('chain-state').textContent()).toContain('incremental');
    await backUp('incremental');
    expect(await page.locator('[data-testid^="backup-point-"]').count()).toBe(2);
  }, 300_000);

  it('restores the full point into a new VM holding A but not B', async () => {
    const full = page.getByTestId('backup-point-full-ok');
    await full.getByRole('button', { name: 'Restore…' }).click();
    const dialog = page.getByTestId('restore-dialog');
    await dialog.getByTestId('restore-name').fill(restored);
    await dialog.getByTestId('restore-pool').selectOption(disks);
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await dialog.getByTestId('restore-job').waitFor();
    const deadline = Date.now() + 120_000;
    while (
      !(await virsh(['dominfo', restored]).then(
        () => true,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error('the restored VM never appeared');
      await new Promise((r) => setTimeout(r, 500));
    }
    await virsh(['pool-refresh', disks]);
    const image = `${disksDir}/${restored}-vda.qcow2`;
    expect(await imageHolds(image, A)).toBe(true);
    expect(await imageHolds(image, B)).toBe(false);
  }, 200_000);

  it('refuses a schedule with a bad cron expression and makes one with a good one', async () => {
    await page.goto('/backups');
    const form = page.getByTestId('new-schedule');
    await form.getByTestId('schedule-vm').selectOption(vm);
    await form.getByTestId('schedule-pool').selectOption(target);
    await form.getByTestId('schedule-cron').fill('every night');
    await form.getByTestId('schedule-create').click();
    await form
      .getByText(/Not a cron expression/)
      .first()
      .waitFor();
    await form.getByTestId('schedule-cron').fill('30 2 * * *');
    await form.getByTestId('schedule-create').click();
    await page.getByTestId('schedule-row').waitFor();
    expect(await page.getByTestId('schedule-row').textContent()).toContain('30 2 * * *');
  }, 60_000);
});
