import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { type VireoServer } from './support/server';
import { startSignedIn, stopAll } from './support/signed-in';
import { LibvirtProxy } from './support/libvirt-proxy';
import { apiFromPage } from './support/journeys';

// libvirtd going away and coming back, played with a relay between Vireo and the daemon (see LibvirtProxy).

let proxy: LibvirtProxy;
let server: VireoServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  proxy = await LibvirtProxy.start();
  ({ server, browser, page } = await startSignedIn({ LIBVIRT_URI: proxy.uri }));
});

afterAll(async () => {
  await stopAll({ server, browser });
  await proxy?.down();
});

describe('when libvirtd is down', () => {
  it('shows a banner, refuses changes with a clear message, and recovers by itself', async () => {
    await page.goto('/vms');
    await page
      .getByTestId('vm-count')
      .getByText(/of \d+/)
      .waitFor();
    expect(await page.getByTestId('libvirt-banner').count()).toBe(0);

    await proxy.down();
    const banner = page.getByTestId('libvirt-banner');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toMatch(/libvirtd is not reachable/);
    await screenshot(page, 'libvirtd-down');
    const res = await apiFromPage(page, '/api/vms/anything/actions', 'POST', { action: 'start' });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatch(/libvirtd is not reachable, nothing was changed/);

    await proxy.up();
    await banner.waitFor({ state: 'detached', timeout: 20_000 });
    await page
      .getByTestId('vm-count')
      .getByText(/of \d+/)
      .waitFor();
    const host = await apiFromPage(page, '/api/host');
    expect(host.status).toBe(200);
  });
});
