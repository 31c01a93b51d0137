import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureFixtures, fixturePaths, tcgGuestXml } from '@/test/support/fixtures';
import { virsh, virshCleanupDomain, virshDefine } from '@/test/support/virsh';
import { screenshot } from './support/browser';
import { apiFromPage } from './support/journeys';
import { startSignedIn, type SignedIn } from './support/signed-in';

// Issue 15, placement in the wizard: "Pick for me" shows the host it picked and why, beside every host's free
// vCPUs, memory and pool space; a host chosen by hand that already has a VM tagged db (an anti-affine tag on this
// server) is refused with that reason when the VM is tagged db too, in the wizard and in the API, and nothing is made.

const suffix = Math.random().toString(36).slice(2, 7);
const db1 = `vireo-e2e-place-db1-${suffix}`;
const vm = `vireo-e2e-place-new-${suffix}`;
let s: SignedIn;
let page: Page;
const next = () => page.getByRole('button', { name: 'Next' }).click();
const step = () => page.locator('nav[aria-label="Wizard steps"] [aria-current="step"]').textContent();

beforeAll(async () => {
  await ensureFixtures();
  await virshDefine(tcgGuestXml({ name: db1, memoryMiB: 96 }));
  s = await startSignedIn({ VIREO_FORCE_EMULATION: '1', VIREO_ANTI_AFFINITY_TAGS: 'db' });
  page = s.page;
  expect((await apiFromPage(page, `/api/hosts/local/vms/${db1}/tags`, 'PUT', { tags: ['db'] })).status).toBe(200);
}, 300_000);

afterAll(async () => {
  await s?.close();
  for (const name of [db1, vm]) await virshCleanupDomain(name);
});

describe('placement in the wizard', () => {
  it('"Pick for me" shows the host it picks and why, with each host\'s free CPU, memory and pool space', async () => {
    const fx = fixturePaths();
    await page.goto('/hosts/local/new-vm');
    await page.getByLabel('Name', { exact: true }).fill(vm);
    await page.getByLabel('Direct kernel boot (advanced)').check();
    await page.getByLabel('Kernel path').fill(fx.kernel);
    await page.getByLabel('Initrd path (optional)').fill(fx.initrd);
    await next(); // OS
    await expect.poll(step).toContain('Operating system');
    await next(); // CPU and memory
    await page.getByLabel('Memory (MiB)').fill('128');
    await next(); // storage
    await page.getByLabel('Disk size (GiB)').fill('0');
    await next(); // network
    await page.getByLabel('Connect to').selectOption('none');
    await next(); // cloud-init
    await expect.poll(step).toContain('cloud-init');
    await next(); // host
    await expect.poll(step).toContain('Host');
    await page.getByLabel('Pick for me').check();
    const choice = page.getByTestId('placement-choice');
    await expect.poll(() => choice.textContent(), { timeout: 20_000 }).toMatch(/^Picked .+: .+ fits \(\d+ MiB and \d+ vCPUs free after reservations\)\.$/);
    const row = page.getByTestId('placement-row-local');
    expect(await row.getByTestId('placement-fits').textContent()).toBe('Fits');
    expect(await row.textContent()).toMatch(/\d+ of \d+ MiB/);
    await screenshot(page, 'placement-pick-for-me');
    await page.getByRole('button', { name: /Review/ }).click();
    await expect.poll(() => page.getByTestId('wizard-target').textContent(), { timeout: 30_000 }).toMatch(/^On host .+ \(.+ fits \(/);
  });

  it('refuses a host chosen by hand that already has a VM tagged db, with the reason, and makes nothing', async () => {
    await page.getByRole('button', { name: /Source/ }).click();
    await page.getByLabel('Tags (optional)').fill('db');
    await page.getByRole('button', { name: /Host/ }).click();
    await expect.poll(step, { timeout: 20_000 }).toContain('Host');
    await page.getByLabel('Choose the host').check();
    const reason = `already has ${db1} tagged db (anti-affinity)`;
    const row = page.getByTestId('placement-row-local');
    await expect.poll(() => row.getByTestId('placement-reasons').textContent(), { timeout: 20_000 }).toBe(reason);
    expect(await row.getByTestId('placement-fits').textContent()).toBe('Does not fit');
    // Moving on to the review is refused, on the host step, with the reason.
    await page.getByRole('button', { name: /Review/ }).click();
    await expect.poll(() => page.getByTestId('wizard-error').textContent()).toContain(reason);
    expect(await step()).toContain('Host');
    await screenshot(page, 'placement-refused');
    // "Pick for me" finds no host either, and says why.
    await page.getByLabel('Pick for me').check();
    await expect.poll(() => page.getByTestId('placement-choice').textContent()).toContain(`No host fits this VM: `);
    // The create API refuses it the same way (409 with each reason), and nothing is defined.
    const fx = fixturePaths();
    const res = await apiFromPage(page, '/api/hosts/local/vms', 'POST', {
      name: vm,
      tags: ['db'],
      source: { kind: 'kernel', kernel: fx.kernel, initrd: fx.initrd, cmdline: fx.cmdline },
      resources: { vcpus: 1, memoryMiB: 128 },
      storage: { pool: 'default', sizeGiB: 0 },
      network: { type: 'none' },
      start: false,
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'PLACEMENT_REFUSED', reasons: [reason], fields: { host: reason } });
    expect(await virsh(['list', '--all', '--name'])).not.toContain(vm);
  });
});
