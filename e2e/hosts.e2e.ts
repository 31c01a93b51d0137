import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bootBanner, ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { ensureTestHosts, sshKeys, sshUri, type TestHost, tlsClient, tlsUri, unixUri } from '@/test/support/test-hosts';
import { virsh, virshCleanupDomain, virshDefine } from '@/test/support/virsh';
import { launchBrowser, newContext } from './support/browser';
import { createFirstAdmin } from './support/journeys';
import { startVireo, type VireoServer } from './support/server';
import { waitText } from './support/terminal';
import { stopAll } from './support/signed-in';

// Issue 15: an admin adds host h1 over SSH (uploaded key, host key trusted at first contact) and h2 over TLS on the
// Hosts page, tests both, sees a VM of the second host in the one list of every host's VMs, and opens its console.
// The VM is defined on h2 with virsh on h2's own socket (the wizard's host choice is not built yet).

const vm = `vireo-hosts-e2e-${Math.random().toString(36).slice(2, 8)}`;
let h1: TestHost;
let h2: TestHost;
let server: VireoServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
const onH2 = (args: string[]) => virsh(args, { uri: unixUri(h2) });

beforeAll(async () => {
  [h1, h2] = (await ensureTestHosts()) as [TestHost, TestHost];
  await ensureFixtures();
  server = await startVireo({ VIREO_TLS: 'off' });
  browser = await launchBrowser();
  ctx = await newContext(browser, server.url);
  page = await ctx.newPage();
  await createFirstAdmin(page, server.setupCode!);
});

afterAll(async () => {
  if (h2) {
    await virshCleanupDomain(vm, { uri: unixUri(h2) });
  }
  // The server's last words, for a failed run.
  if (server) console.log(server.output().slice(-4000));
  await stopAll({ server, browser, ctx });
});

async function addHost(fill: () => Promise<void>, id: string): Promise<void> {
  await page.getByTestId('host-add').click();
  await page.getByTestId('host-name').fill(id.toUpperCase());
  await page.getByTestId('host-id').fill(id);
  await fill();
  await page.getByTestId('host-save').click();
  await expect.poll(() => page.getByTestId('hosts-done').textContent()).toContain(`Added ${id.toUpperCase()}`);
}

async function testHost(id: string): Promise<string> {
  await page.getByTestId(`host-row-${id}`).getByTestId('host-test').click();
  await expect.poll(() => page.getByTestId('hosts-done').textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^${id.toUpperCase()}: `));
  return (await page.getByTestId('hosts-done').textContent()) ?? '';
}

describe('several hosts', () => {
  it('adds h1 over SSH: the host key is trusted at first contact and shown', async () => {
    await page.goto('/hosts');
    await expect.poll(() => page.getByTestId('host-row-local').isVisible()).toBe(true);
    await addHost(async () => {
      await page.getByTestId('host-uri').fill(sshUri(h1));
      await page.getByLabel('Upload a private key').check();
      await page.getByTestId('host-private-key').fill(String(sshKeys().client));
    }, 'h1');
    const said = await testHost('h1');
    expect(said).toContain(`connected to ${h1.hostname}`);
    expect(said).toContain(h1.hostKeyFingerprint);
    await expect.poll(() => page.getByTestId('host-row-h1').getByTestId('host-key').textContent()).toContain(h1.hostKeyFingerprint);
  });

  it('adds h2 over TLS with its CA, client certificate and key', async () => {
    const tls = tlsClient();
    await addHost(async () => {
      await page.getByTestId('host-uri').fill(tlsUri(h2));
      await page.getByTestId('host-tls-ca').fill(String(tls.ca));
      await page.getByTestId('host-tls-cert').fill(String(tls.cert));
      await page.getByTestId('host-tls-key').fill(String(tls.key));
    }, 'h2');
    expect(await testHost('h2')).toContain(`connected to ${h2.hostname}`);
    // No private key ever comes back to the browser.
    expect(await page.content()).not.toContain('PRIVATE KEY');
  });

  it("shows the second host's VM beside the others in one live list, and opens its console there", async () => {
    await page.goto('/vms');
    await expect.poll(() => page.getByTestId('host-counts-h2').isVisible(), { timeout: 20_000 }).toBe(true);
    await virshDefine(tcgGuestXml({ name: vm, memoryMiB: 128 }), { uri: unixUri(h2) });
    await onH2(['start', vm]);
    const row = page.getByTestId(`vm-row-h2-${vm}`);
    await expect.poll(() => row.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => row.getByTestId('vm-host').textContent()).toBe('h2');
    expect(await page.getByTestId('host-counts-h1').textContent()).toContain('h1');
    await row.getByRole('link', { name: vm }).click();
    await page.waitForURL(`**/hosts/h2/vms/${vm}`);
    await page.goto(`/hosts/h2/vms/${vm}/console`);
    // The boot banner is in the scrollback: h2's serial registry started when h2 was added (not at the first
    // console), so it caught the guest's boot.
    await waitText(page, new RegExp(bootBanner), 90_000);
    // And the console is live: the guest's shell on h2 answers what is typed here.
    await waitText(page, /vireo# /, 90_000);
    await page.locator('[data-testid="serial-terminal"] .xterm-helper-textarea').focus();
    await page.keyboard.type('echo on-h2-$((6*7))');
    await page.keyboard.press('Enter');
    // (The echoed line shows the expression; only the shell's answer shows the number.)
    await waitText(page, /on-h2-42/, 30_000);
  });
});
