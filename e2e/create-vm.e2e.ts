import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cloudImagePath, cloudInitBanner, ensureFixtures, installerBanner, installerIsoPath } from '@/test/support/fixtures';
import { FIXTURE_IMAGE_ALLOW, startHttpFixtureServer, type HttpFixtureServer } from '@/test/support/http-fixture-server';
import { createTestPool, type TestPool } from '@/test/support/test-pool';
import { virsh, virshWithXml, virshCleanupDomain } from '@/test/support/virsh';
import { newContext, screenshot } from './support/browser';
import { apiFromPage } from './support/journeys';
import { startVireo, type VireoServer } from './support/server';
import { startSignedIn, stopAll } from './support/signed-in';
import { cloudImageSpec, fixtureImageSha256 } from './support/vm-job';
import { waitText } from './support/terminal';

// Issue 4, the create-VM wizard in Chromium: a cloud-image VM that boots under TCG and prints the hostname and
// user the wizard gave it; the same from an uploaded installer ISO; a checksum mismatch; a failure after the
// definition and a server restart mid-download, both leaving no volume or domain behind.

const run = promisify(execFile);
const suffix = Math.random().toString(36).slice(2, 7);
const net = `vireo-wiz-${suffix}`;
let pool: TestPool;
let http: HttpFixtureServer;
let server: VireoServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let imageSha256: string;
const vms: string[] = [];

async function domains(): Promise<string[]> {
  return (await virsh(['list', '--all', '--name']))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

async function openWizard(name: string): Promise<void> {
  await page.goto('/vms');
  await page.getByTestId('new-vm').click();
  await page.waitForURL('**/new-vm');
  await page.getByLabel('Name', { exact: true }).fill(name);
}

const next = () => page.getByRole('button', { name: 'Next' }).click();

/** Steps 2–5 with small values; the pool and network are the test's own. */
async function hardwareSteps(): Promise<void> {
  await next(); // OS defaults
  await page.getByTestId('emulation-warning').waitFor();
  await next(); // CPU and memory
  await page.getByLabel('Memory (MiB)').fill('192');
  await next(); // storage
  await page.getByLabel('Storage pool', { exact: true }).selectOption(pool.name);
  await page.getByLabel('Disk size (GiB)').fill('1');
  await next(); // network
  await page.getByLabel('Network', { exact: true }).selectOption(net);
}

/** Creates from the review step; returns the job id. */
async function reviewAndCreate(edit?: (xml: string) => string): Promise<string> {
  await page.getByRole('button', { name: /Review/ }).click();
  const xmlBox = page.getByLabel(/^Domain XML/);
  await xmlBox.waitFor({ timeout: 30_000 });
  if (edit) await xmlBox.fill(edit(await xmlBox.inputValue()));
  await page.getByRole('button', { name: 'Create virtual machine' }).click();
  await page.waitForURL('**/jobs/**');
  return new URL(page.url()).pathname.split('/').pop()!;
}

async function jobStatus(status: string, timeout = 120_000): Promise<void> {
  await page.locator(`[data-testid="job"][data-status="${status}"]`).waitFor({ timeout });
}

beforeAll(async () => {
  await ensureFixtures();
  imageSha256 = await fixtureImageSha256();
  pool = await createTestPool(`vireo-e2e-wiz-${suffix}`);
  const subnet = 100 + (parseInt(suffix, 36) % 100);
  await virshWithXml(
    'net-create',
    `<network><name>${net}</name><bridge name='vwiz${suffix.slice(0, 5)}'/><ip address='10.254.${subnet}.1' netmask='255.255.255.0'><dhcp><range ` +
      `start='10.254.${subnet}.10' end='10.254.${subnet}.50'/></dhcp></ip></network>`,
  );
  http = await startHttpFixtureServer({ files: { 'cloud.qcow2': cloudImagePath } });
  ({ server, browser, ctx, page } = await startSignedIn({ VIREO_FORCE_EMULATION: '1', VIREO_IMAGE_ALLOW: FIXTURE_IMAGE_ALLOW }));
}, 300_000);

afterAll(async () => {
  await stopAll({ server, browser, ctx });
  await http?.close();
  for (const name of vms) {
    await virshCleanupDomain(name);
  }
  await virsh(['net-destroy', net]).catch(() => undefined);
  await pool?.dispose();
});

describe('create-VM wizard', () => {
  it("creates a VM from a cloud image URL: downloads and verifies it, boots it, and cloud-init sees the wizard's hostname and user", async () => {
    const name = `vireo-wiz-cloud-${suffix}`;
    vms.push(name);
    await openWizard(name);
    await page.getByLabel('Image', { exact: true }).selectOption('url');
    await page.getByLabel('Image URL').fill(http.url('cloud.qcow2'));
    await page.getByLabel('Checksum', { exact: true }).fill(imageSha256);
    await hardwareSteps();
    await next(); // cloud-init
    await page.getByLabel('Host name').fill('wizard-host');
    await page.getByLabel('User name').fill('wizuser');
    await page.getByLabel(/^Password/).fill('correct horse battery');
    await page.getByLabel(/SSH public keys/).fill('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBvireoTestKeyOnly000000000000000000000000000 e2e@vireo');
    await page.getByRole('button', { name: /Review/ }).click();
    const preview = page.getByTestId('user-data-preview');
    await preview.waitFor({ timeout: 30_000 });
    const userData = (await preview.textContent())!;
    expect(userData).toContain('name: wizuser');
    expect(userData).toMatch(/hashed_passwd: "?\$6\$/);
    expect(userData).not.toContain('correct horse battery');
    await screenshot(page, 'wizard-review');
    await page.getByRole('button', { name: 'Create virtual machine' }).click();
    // Started and "open its console" are the defaults: the job page goes on to the console by itself.
    await page.waitForURL(`**/vms/${name}/console`, { timeout: 180_000 });
    await waitText(page, new RegExp(`${cloudInitBanner} hostname=wizard-host user=wizuser`), 120_000);
    await screenshot(page, 'wizard-cloud-console');

    const overlay = JSON.parse((await run('qemu-img', ['info', '--output=json', '-U', `${pool.path}/${name}.qcow2`])).stdout) as {
      'backing-filename'?: string;
      'virtual-size': number;
    };
    expect(overlay['backing-filename']).toMatch(/base-/);
    expect(overlay['virtual-size']).toBeGreaterThanOrEqual(1024 ** 3);
    const xmlFile = `/tmp/${name}.xml`;
    await writeFile(xmlFile, await virsh(['dumpxml', '--inactive', name]));
    const validated = await run('virt-xml-validate', [xmlFile, 'domain']);
    expect(`${validated.stdout}${validated.stderr}`).toContain('validates');
    await rm(xmlFile);
    expect(await virsh(['domiflist', name])).toMatch(new RegExp(`network\\s+${net}\\s+virtio`));
    // Issue 5: a VM Vireo creates gets its VNC display on the host's loopback only.
    expect(await virsh(['dumpxml', name])).toMatch(
      /<graphics type='vnc' port='\d+' autoport='yes' listen='127\.0\.0\.1'>\s*<listen type='address' address='127\.0\.0\.1'\/>/,
    );
    // Issue 8: the domain type the wizard chose, under the forced-emulation setting, with its warning shown earlier.
    expect(await virsh(['dumpxml', name])).toContain("<domain type='qemu'");
    const audit = await apiFromPage(page, '/api/audit?q=vm.create');
    expect(JSON.stringify(audit.body)).toContain(name);
  });

  it('reuses the cached base for the next VM: an overlay, no second download', async () => {
    const name = `vireo-wiz-again-${suffix}`;
    vms.push(name);
    const downloads = http.requests('cloud.qcow2');
    const r = await apiFromPage(
      page,
      '/api/vms',
      'POST',
      cloudImageSpec({ name, url: http.url('cloud.qcow2'), sha256: imageSha256, pool: pool.name, hostname: 'again' }),
    );
    expect(r.status).toBe(202);
    await page.goto(`/jobs/${r.body.jobId as string}`);
    await jobStatus('succeeded');
    expect(await page.locator('[data-step="image"]').textContent()).toMatch(/Cached/);
    expect(http.requests('cloud.qcow2')).toBe(downloads);
  });

  it('refuses an image whose checksum does not match, and keeps nothing of it', async () => {
    const name = `vireo-wiz-badsum-${suffix}`;
    const before = await pool.volumes();
    http.serve('other.qcow2', cloudImagePath);
    await openWizard(name);
    await page.getByLabel('Image', { exact: true }).selectOption('url');
    await page.getByLabel('Image URL').fill(http.url('other.qcow2'));
    await page.getByLabel('Checksum', { exact: true }).fill('0'.repeat(64));
    await hardwareSteps();
    await reviewAndCreate();
    await jobStatus('failed');
    expect(await page.getByTestId('job-failed').textContent()).toMatch(/checksum/i);
    await screenshot(page, 'wizard-checksum-mismatch');
    expect(await pool.volumes()).toEqual(before);
    expect(await domains()).not.toContain(name);
  });

  it("keeps the VM when only its start fails, with libvirt's reason and the offers: open it, start it again, remove what the job made", async () => {
    const name = `vireo-wiz-kept-${suffix}`;
    const late = `vireo-wiz-late-${suffix}`;
    vms.push(name);
    const before = await pool.volumes();
    await openWizard(name);
    await page.getByLabel('Image', { exact: true }).selectOption('url');
    await page.getByLabel('Image URL').fill(http.url('cloud.qcow2'));
    await page.getByLabel('Checksum', { exact: true }).fill(imageSha256);
    await hardwareSteps();
    const jobId = await reviewAndCreate((xml) => xml.replace(`network="${net}"`, `network="${late}"`));
    await jobStatus('failed');
    const failed = page.getByTestId('job-failed');
    expect(await failed.textContent()).toMatch(new RegExp(`Start the virtual machine: libvirt says: .*${late}`));
    expect(await failed.textContent()).toMatch(/The virtual machine and its disks were kept/);
    expect(await page.locator('[data-step="define"]').getAttribute('data-status')).toBe('done');
    expect(await page.locator('[data-step="start"]').getAttribute('data-status')).toBe('failed');
    expect(await page.getByTestId('job-rollback').count()).toBe(0);
    expect(await domains()).toContain(name);
    expect(await pool.volumes()).toEqual([...before, `${name}-seed.iso`, `${name}.qcow2`].sort());
    const kept = page.getByTestId('job-kept');
    expect(await kept.textContent()).toContain(`virtual machine ${name}`);
    expect(await kept.getByRole('link', { name: 'Open its Hardware tab' }).getAttribute('href')).toBe(`/hosts/local/vms/${name}?tab=hardware`);
    expect(await kept.getByRole('link', { name: 'Open its XML' }).getAttribute('href')).toBe(`/hosts/local/vms/${name}?tab=xml`);
    await screenshot(page, 'wizard-start-failed-kept');

    // Starting again fails the same way until the network exists; then it starts.
    await kept.getByRole('button', { name: 'Try starting it again' }).click();
    await expect.poll(() => kept.getByRole('alert').filter({ hasText: late }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await virshWithXml('net-create', `<network><name>${late}</name><bridge name='vwl${suffix.slice(0, 5)}'/></network>`);
    try {
      await kept.getByRole('button', { name: 'Try starting it again' }).click();
      await kept.getByTestId('job-kept-started').waitFor({ timeout: 30_000 });
      expect((await virsh(['domstate', name])).trim()).toBe('running');

      // Removing what the job made: the VM (running or not), its disk and its seed; the cached base stays.
      await kept.getByRole('button', { name: 'Remove what this job created…' }).click();
      const dlg = page.getByRole('dialog', { name: 'Remove what this job created' });
      expect(await dlg.textContent()).toContain(`volume ${pool.name}/${name}.qcow2`);
      await dlg.getByRole('button', { name: 'Remove', exact: true }).click();
      await page.getByTestId('job-rollback').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('job-rollback').textContent()).toContain(`domain ${name}: removed`);
      expect(await domains()).not.toContain(name);
      expect(await pool.volumes()).toEqual(before);
    } finally {
      await virsh(['net-destroy', late]).catch(() => undefined);
    }
    // Now that nothing is left, the job offers to run again or to go back to the wizard with its settings.
    await page.getByRole('link', { name: 'Back to the wizard with these settings' }).click();
    await page.waitForURL(`**/new-vm?from=${jobId}`);
    await page.getByTestId('wizard-settings-kept').waitFor();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(name);
    expect(await page.getByLabel('Image URL').inputValue()).toBe(http.url('cloud.qcow2'));
  });

  it('installs from an ISO uploaded in the browser: boots the CD-ROM first and sees the new disk', async () => {
    const name = `vireo-wiz-iso-${suffix}`;
    vms.push(name);
    await page.goto(`/storage/${pool.name}`);
    await page.getByLabel('File to upload').setInputFiles(installerIsoPath);
    await page.getByLabel('Upload as volume').fill('installer.iso');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByTestId('volume-row-installer.iso').waitFor({ timeout: 60_000 });
    await openWizard(name);
    await page.getByLabel('Install from ISO').check();
    await page.getByLabel('Installer ISO', { exact: true }).selectOption(`${pool.name}/installer.iso`);
    await hardwareSteps();
    await reviewAndCreate();
    await page.waitForURL(`**/vms/${name}/console`, { timeout: 120_000 });
    await waitText(page, new RegExp(installerBanner), 120_000);
    await waitText(page, /VIREO-INSTALLER-DISKS .*vda/, 60_000);
    await screenshot(page, 'wizard-iso-console');
  });

  it('shows field errors on the step they belong to, and creates nothing', async () => {
    const name = `vireo-wiz-bad-${suffix}`;
    await openWizard(name);
    await page.getByLabel('Install from ISO').check();
    await page.getByLabel('Installer ISO', { exact: true }).selectOption(`${pool.name}/installer.iso`);
    await next();
    await next();
    await page.getByLabel('Memory (MiB)').fill(String(1024 * 1024));
    await page.getByRole('button', { name: /Review/ }).click();
    await expect.poll(() => page.getByRole('button', { name: /CPU and memory ⚠/ }).count()).toBe(1);
    expect(
      await page
        .getByRole('alert')
        .filter({ hasText: /host has \d+ MiB of memory/ })
        .count(),
    ).toBeGreaterThan(0);
    expect(await domains()).not.toContain(name);
  });

  it('checks each step on the server before Next, in plain words, and stays on the step', async () => {
    await page.goto('/new-vm');
    const current = () => page.locator('nav[aria-label="Wizard steps"] [aria-current="step"]').textContent();
    // Nothing filled in: the name and the catalog image are missing.
    await next();
    await expect.poll(() => page.getByText('A virtual machine name cannot be empty.').count()).toBeGreaterThan(0);
    expect(await page.getByText('Choose an image from the catalog.').count()).toBeGreaterThan(0);
    expect(await current()).toMatch(/^1\. Source/);
    await screenshot(page, 'wizard-step-check');
    await page.getByLabel('Name', { exact: true }).fill(`vireo-wiz-steps-${suffix}`);
    await page.getByLabel('Install from ISO').check();
    await next();
    await expect.poll(() => page.getByText('Choose an installer ISO.').count()).toBeGreaterThan(0);
    await page.getByLabel('Installer ISO', { exact: true }).selectOption(`${pool.name}/installer.iso`);
    await next();
    await page.getByTestId('emulation-warning').waitFor();
    await next(); // CPU and memory
    await page.getByLabel('vCPUs').fill('0');
    await page.getByLabel('Memory (MiB)').fill('');
    await next();
    await expect.poll(() => page.getByText('Memory must be a number.').count()).toBeGreaterThan(0);
    expect(await page.getByText('At least 1 vCPU.').count()).toBeGreaterThan(0);
    expect(await current()).toMatch(/^3\. CPU and memory/);
    // Checked against the host too, before the review.
    await page.getByLabel('vCPUs').fill('1');
    await page.getByLabel('Memory (MiB)').fill(String(1024 * 1024));
    await next();
    await expect.poll(() => page.getByText(/The host has \d+ MiB of memory/).count()).toBeGreaterThan(0);
    const alerts = await page.getByRole('alert').allTextContents();
    for (const a of alerts) expect(a).not.toMatch(/expected|Too small|Too big|Invalid input|received/);
    await page.getByLabel('Memory (MiB)').fill('128');
    await next();
    await page.getByLabel('Storage pool', { exact: true }).waitFor();
    expect(await current()).toMatch(/^4\. Storage/);
  });

  it('keeps the review and Create when "Start the VM" is unticked, and creates the VM shut off', async () => {
    const name = `vireo-wiz-nostart-${suffix}`;
    vms.push(name);
    await openWizard(name);
    await page.getByLabel('Install from ISO').check();
    await page.getByLabel('Installer ISO', { exact: true }).selectOption(`${pool.name}/installer.iso`);
    await hardwareSteps();
    await page.getByRole('button', { name: /Review/ }).click();
    const summary = page.getByTestId('plan-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('summary-name').textContent()).toBe(name);
    expect(await page.getByTestId('summary-memory').textContent()).toBe('192 MiB');
    expect(await page.getByTestId('summary-disks').textContent()).toMatch(/CD-ROM .*installer\.iso \(boots first\).*1 GiB, a new qcow2 disk, on virtio/);
    expect(await page.getByTestId('summary-network').textContent()).toMatch(new RegExp(`virtio NIC on network ${net}`));
    expect(await page.getByTestId('summary-when-created').textContent()).toBe('started');
    await page.getByLabel('Start the VM when it is created').uncheck();
    // The summary and the XML stay; Create stays enabled; the plan just skips the start.
    expect(await summary.isVisible()).toBe(true);
    expect(await page.getByTestId('summary-when-created').textContent()).toBe('left shut off');
    expect(await page.getByTestId('planned-steps').textContent()).not.toMatch(/Start the virtual machine/);
    expect(await page.getByLabel(/^Domain XML/).isVisible()).toBe(true);
    const create = page.getByRole('button', { name: 'Create virtual machine' });
    expect(await create.isEnabled()).toBe(true);
    expect(await page.locator('nav[aria-label="Wizard steps"] button', { hasText: '⚠' }).count()).toBe(0);
    await screenshot(page, 'wizard-review-no-start');
    await create.click();
    await page.waitForURL('**/jobs/**');
    await jobStatus('succeeded');
    expect(await page.locator('[data-step="start"]').getAttribute('data-status')).toBe('skipped');
    expect((await virsh(['domstate', name])).trim()).toBe('shut off');
  });

  it('asks which OS the guest runs, applies its defaults and records it in the definition', async () => {
    const name = `vireo-wiz-os-${suffix}`;
    vms.push(name);
    // A catalog image brings its OS (what this osinfo-db knows of it, or generic Linux when the image is newer).
    await openWizard(name);
    await page.getByLabel('Catalog image', { exact: true }).selectOption('debian-12');
    await next();
    const chosen = page.getByTestId('os-selected');
    expect(await chosen.getAttribute('data-os')).toMatch(/^http:\/\/(debian\.org\/debian\/12|libosinfo\.org\/linux\/20\d\d)$/);
    expect(await page.getByTestId('os-defaults').textContent()).toContain('the catalog image’s OS');

    // An ISO install of Debian 11, found by typing.
    await page.getByRole('button', { name: /Source/ }).click();
    await page.getByLabel('Install from ISO').check();
    await page.getByLabel('Installer ISO', { exact: true }).selectOption(`${pool.name}/installer.iso`);
    await next();
    await page.getByLabel('Search operating systems').fill('debian 11');
    await page
      .getByRole('option', { name: /^Debian 11/ })
      .first()
      .click();
    expect(await chosen.getAttribute('data-os')).toBe('http://debian.org/debian/11');
    expect(await page.getByTestId('os-defaults').textContent()).toMatch(
      /Defaults for Debian 11: 1024 MiB of memory .*a 20 GiB disk, virtio disk, virtio network/,
    );
    await screenshot(page, 'wizard-os-variant');
    await next();
    expect(await page.getByLabel('Memory (MiB)').inputValue()).toBe('1024');
    await page.getByLabel('Memory (MiB)').fill('192');
    await next();
    expect(await page.getByLabel('Disk size (GiB)').inputValue()).toBe('20');
    await page.getByLabel('Storage pool', { exact: true }).selectOption(pool.name);
    await page.getByLabel('Disk size (GiB)').fill('1');
    await next();
    await page.getByLabel('Network', { exact: true }).selectOption(net);
    await page.getByRole('button', { name: /Review/ }).click();
    await page.getByTestId('plan-summary').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('summary-operating-system').textContent()).toMatch(/^Debian 11; q35 machine, BIOS/);
    expect(await page.getByRole('status').filter({ hasText: 'Debian 11 needs at least 1024 MiB of memory' }).count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'Debian 11 needs a disk of at least 10 GiB' }).count()).toBe(1);
    expect(await page.getByLabel(/^Domain XML/).inputValue()).toContain('<libosinfo:os id="http://debian.org/debian/11"/>');
    await page.getByLabel('Start the VM when it is created').uncheck();
    await page.getByRole('button', { name: 'Create virtual machine' }).click();
    await page.waitForURL('**/jobs/**');
    await jobStatus('succeeded');
    expect(await virsh(['dumpxml', '--inactive', name])).toMatch(
      /<libosinfo:libosinfo xmlns:libosinfo="http:\/\/libosinfo\.org\/xmlns\/libvirt\/domain\/1\.0">\s*<libosinfo:os id="http:\/\/debian\.org\/debian\/11"\/>/,
    );
  });

  it('marks a job cut off by a server restart as failed and removes its partial download', async () => {
    const name = `vireo-wiz-restart-${suffix}`;
    const before = await pool.volumes();
    http.serve('slow.qcow2', cloudImagePath, { bytesPerSecond: 64 * 1024 });
    const r = await apiFromPage(
      page,
      '/api/vms',
      'POST',
      cloudImageSpec({ name, url: http.url('slow.qcow2'), sha256: imageSha256, pool: pool.name, hostname: 'restart' }),
    );
    expect(r.status).toBe(202);
    const jobId = r.body.jobId as string;
    await page.goto(`/jobs/${jobId}`);
    await page.locator('[data-step="image"] [role="progressbar"]').waitFor({ timeout: 60_000 });
    expect((await pool.volumes()).length).toBeGreaterThan(before.length);
    const dataDir = server.dataDir;
    await server.stop({ keepData: true, signal: 'SIGKILL' });
    server = await startVireo({ VIREO_FORCE_EMULATION: '1', VIREO_IMAGE_ALLOW: FIXTURE_IMAGE_ALLOW }, { dataDir });
    await ctx.close();
    ctx = await newContext(browser, server.url);
    page = await ctx.newPage();
    await page.goto('/login');
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill('admin-password-123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(`/jobs/${jobId}`);
    await jobStatus('failed', 60_000);
    expect(await page.getByTestId('job-failed').textContent()).toMatch(/stopped while this job was running/);
    expect(await pool.volumes()).toEqual(before);
    expect(await domains()).not.toContain(name);
  });
});
