// The README's screenshots: the main pages in light and dark, at 1440x900 and 390x844, written to
// docs/screenshots/<page>-<theme>-<desktop|phone>.png. They are taken from a real server (a temporary data
// directory) against the local libvirtd, with a demo host made for the purpose (a pool with disks, an isolated
// network, a running VM with its serial console, a second VM, a finished creation job) and removed afterwards.
//
//   npm run build && npm run screenshots      (as root, like the tests; Debian's Chromium)
//
// On a host where tests run too, take the shared lock first: flock /tmp/vireo-libvirt.lock npm run screenshots
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bootBanner, cloudImagePath } from '@/test/support/fixtures';
import { FIXTURE_IMAGE_ALLOW, startHttpFixtureServer } from '@/test/support/http-fixture-server';
import { virshCleanupDomain } from '@/test/support/virsh';
import { launchBrowser } from '@/e2e/support/browser';
import { createDemoHost, demoPages, type DemoPage } from '@/e2e/support/demo-host';
import { adminPassword, apiFromPage, createFirstAdmin, login } from '@/e2e/support/journeys';
import { DESKTOP, PHONE, openAndSettle } from '@/e2e/support/layout';
import { startVireo } from '@/e2e/support/server';
import { waitText } from '@/e2e/support/terminal';
import { fixtureImageSha256, startCloudImageJob } from '@/e2e/support/vm-job';

const outDir = path.join(process.cwd(), 'docs', 'screenshots');
const prefix = 'vireo-demo';

async function waitJob(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const { body } = await apiFromPage(page, `/api/jobs/${id}`);
    if (body.status !== 'running') {
      if (body.status !== 'succeeded') throw new Error(`the demo job ${String(body.status)}: ${String(body.error)}`);
      return;
    }
    await page.waitForTimeout(500);
  }
  throw new Error('the demo job did not finish in two minutes');
}

/** The pages shown in the README. */
const SHOWN = ['host', 'readiness', 'vms', 'vm', 'hardware', 'console', 'network', 'storage', 'new-vm', 'jobs', 'audit'];

async function shoot(browser: Browser, url: string, shots: DemoPage[]): Promise<string[]> {
  const written: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const ctx = await browser.newContext({ baseURL: url, ignoreHTTPSErrors: true, viewport, colorScheme: theme });
      ctx.setDefaultTimeout(30_000);
      const page = await ctx.newPage();
      await login(page, 'admin', adminPassword);
      for (const s of shots) {
        await openAndSettle(page, s.path, s.ready);
        if (s.name === 'console') await waitText(page, /vireo# /, 30_000);
        // Let live data and fonts settle, and keep the text cursor out of the picture.
        await page.waitForTimeout(400);
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        const file = path.join(outDir, `${s.name}-${theme}-${size}.png`);
        await page.screenshot({ path: file });
        written.push(file);
      }
      await ctx.close();
    }
  }
  return written;
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const demo = await createDemoHost(prefix);
  const app = `${prefix}-app`;
  const http = await startHttpFixtureServer({ files: { 'debian-12-generic-amd64.qcow2': cloudImagePath } });
  const server = await startVireo({ VIREO_FORCE_EMULATION: '1', VIREO_IMAGE_ALLOW: FIXTURE_IMAGE_ALLOW });
  const browser = await launchBrowser();
  try {
    const ctx = await browser.newContext({ baseURL: server.url, ignoreHTTPSErrors: true, viewport: DESKTOP });
    const page = await ctx.newPage();
    await createFirstAdmin(page, server.setupCode!);

    // The console captures from the moment it is first opened: open it, then start the VM, so its boot shows.
    await openAndSettle(page, `/vms/${demo.web}/console`, '[data-testid="console-vm-bar"]');
    await page.getByRole('button', { name: `Start ${demo.web}` }).click();
    await waitText(page, new RegExp(bootBanner), 180_000);
    await waitText(page, /vireo# /, 60_000);

    const jobId = await startCloudImageJob(page, {
      name: app,
      url: http.url('debian-12-generic-amd64.qcow2'),
      sha256: await fixtureImageSha256(),
      pool: demo.pool.name,
      network: demo.network,
      sizeGiB: 4,
      memoryMiB: 256,
    });
    await waitJob(page, jobId);
    await ctx.close();

    const written = await shoot(
      browser,
      server.url,
      demoPages(demo).filter((p) => SHOWN.includes(p.name)),
    );
    console.log(`${written.length} screenshots in ${path.relative(process.cwd(), outDir)}/`);
  } finally {
    await browser.close();
    await server.stop();
    await http.close();
    await virshCleanupDomain(app);
    await demo.dispose();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
