import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomInt } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { connect, type LibvirtClient } from '@/lib/libvirt';
import { ConsoleReader } from '@/lib/libvirt/test-support/wait';
import { ensureFixtures, shellPrompt, tcgGuestXml } from '@/test/support/fixtures';
import { defaultNetworkPrefix, virsh, virshCleanupDomain, virshDefine } from '@/test/support/virsh';
import { screenshot } from './support/browser';
import { type VireoServer } from './support/server';
import { startSignedIn, stopAll } from './support/signed-in';
import { apiFromPage } from './support/journeys';
import { testSystemUri } from '@/test/support/test-libvirtd';

// Issue 7 through the browser. The test network is isolated (no <forward>): guest traffic never leaves the host.
// The subnet is 10.251.x.0/24 with a random x, clear of the host's 192.0.2.0/24 and 192.168.122.0/24.

const suffix = Math.random().toString(36).slice(2, 8);
const net = `vireo-e2e-net-${suffix}`;
const vm = `vireo-e2e-nvm-${suffix}`;
const x = randomInt(10, 250);
const subnet = (host: number) => `10.251.${x}.${host}`;

let server: VireoServer;
let browser: Browser;
let page: Page;
let client: LibvirtClient;
let consoleReader: ConsoleReader | null = null;
let guestMac = '';

async function networkDefined(name: string): Promise<boolean> {
  return (await virsh(['net-list', '--all', '--name']))
    .split('\n')
    .map((s) => s.trim())
    .includes(name);
}

beforeAll(async () => {
  await ensureFixtures();
  // Defined first so its MAC (libvirt picks one) can go into the network's static host.
  await virshDefine(tcgGuestXml({ name: vm, memoryMiB: 128, network: net }));
  guestMac = (await virsh(['domiflist', vm])).match(/([0-9a-f]{2}(?::[0-9a-f]{2}){5})/)![1]!;
  client = await connect(testSystemUri);
  ({ server, browser, page } = await startSignedIn());
});

afterAll(async () => {
  consoleReader?.stop();
  await virshCleanupDomain(vm).catch(() => undefined);
  await virsh(['net-destroy', net]).catch(() => undefined);
  await virsh(['net-undefine', net]).catch(() => undefined);
  await client?.close();
  await stopAll({ server, browser });
});

async function fillForm(opts: { cidr: string; start: string; end: string; hostIp?: string }): Promise<void> {
  await page.goto('/networks/new');
  await page.getByLabel('Name', { exact: true }).fill(net);
  await page.getByLabel('IPv4 subnet').fill(opts.cidr);
  await page.getByLabel('IPv4 DHCP start').fill(opts.start);
  await page.getByLabel('IPv4 DHCP end').fill(opts.end);
  if (opts.hostIp) {
    await page.getByRole('button', { name: 'Add static host' }).click();
    await page.getByLabel('Static host 1 MAC').fill(guestMac);
    await page.getByLabel('Static host 1 address').fill(opts.hostIp);
    await page.getByLabel('Static host 1 name').fill('fixture');
  }
}

async function expectRefused(field: string, message: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Create network' }).click();
  await expect.poll(() => page.getByTestId('network-form-error').textContent()).toMatch(message);
  expect(await page.getByLabel(field).getAttribute('aria-invalid')).toBe('true');
  expect(await networkDefined(net)).toBe(false);
}

describe('networks', () => {
  it('refuses an overlapping subnet, a bad CIDR and a range outside the subnet, defining nothing', async () => {
    const p = await defaultNetworkPrefix();
    await fillForm({ cidr: `${p}.7/24`, start: `${p}.100`, end: `${p}.120` });
    const overlap = `${p}.0/24 overlaps ${p}.0/24 used by libvirt network "default"`;
    await expectRefused('IPv4 subnet', new RegExp(overlap.replaceAll('.', '\\.')));
    await fillForm({ cidr: `10.251.${x}.1/33`, start: subnet(100), end: subnet(120) });
    await expectRefused('IPv4 subnet', /Not a valid IPv4 subnet/);
    await fillForm({ cidr: `${subnet(1)}/24`, start: subnet(100), end: `10.252.${x}.20` });
    await expectRefused('IPv4 DHCP end', new RegExp(`The DHCP range end 10\\.252\\.${x}\\.20 is outside the subnet 10\\.251\\.${x}\\.0/24`));
    await screenshot(page, 'networks-form-refused');
  });

  it('previews the XML, then creates and starts an isolated network with a DHCP range and a static host', async () => {
    await fillForm({ cidr: `${subnet(1)}/24`, start: subnet(100), end: subnet(150), hostIp: subnet(10) });
    await page.getByRole('button', { name: 'Preview XML' }).click();
    await expect.poll(() => page.getByTestId('network-xml-preview').textContent()).toContain(`<host mac="${guestMac}" name="fixture" ip="${subnet(10)}"/>`);
    expect(await page.getByTestId('network-xml-preview').textContent()).not.toContain('<forward');
    expect(await networkDefined(net)).toBe(false);
    await page.getByRole('button', { name: 'Create network' }).click();
    await page.waitForURL(`**/networks/${net}`);
    expect(await page.getByTestId('network-state').textContent()).toBe('active');
    expect(await virsh(['net-info', net])).toMatch(/Active:\s+yes/);
    const liveXml = await virsh(['net-dumpxml', net]);
    expect(liveXml).not.toContain('<forward');
    expect(liveXml).toContain(`ip='${subnet(10)}'`);
    await page.goto('/networks');
    const row = page.getByTestId(`network-row-${net}`);
    await expect.poll(() => row.textContent()).toContain(`${subnet(100)} – ${subnet(150)}`);
    expect(await row.textContent()).toContain(vm);
    expect(await row.textContent()).toContain('Isolated');
    await screenshot(page, 'networks-list');
  });

  it('a guest running udhcpc takes its static address; the lease shows in Vireo and in virsh', async () => {
    await virsh(['start', '--paused', vm]);
    const dom = await client.domains.lookupByName(vm);
    const stream = await client.domains.openConsole(dom);
    consoleReader = new ConsoleReader(stream);
    await virsh(['resume', vm]);
    await consoleReader.waitFor(new RegExp(shellPrompt), 90_000);
    const from = consoleReader.text.length;
    stream.write('udhcpc -i eth0 -q -n\n');
    const bound = await consoleReader.waitFor(/VIREO-DHCP-BOUND interface=eth0 ip=(\S+)/, 60_000, from);
    expect(bound[1]).toBe(subnet(10));
    await page.goto(`/networks/${net}`);
    await page.getByTestId(`lease-${subnet(10)}`).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId(`lease-${subnet(10)}`).textContent()).toContain(guestMac);
    expect(await virsh(['net-dhcp-leases', net])).toContain(subnet(10));
    await screenshot(page, 'networks-detail-lease');
    // The VM list and the VM page show the address (both from the live inventory; addresses refresh every 20 s).
    await page.goto(`/vms/${vm}`);
    await expect.poll(() => page.getByTestId('fact-addresses').textContent(), { timeout: 45_000, interval: 1000 }).toContain(subnet(10));
    await page.goto('/vms');
    await expect.poll(() => page.getByTestId(`vm-row-${vm}`).textContent(), { timeout: 30_000 }).toContain(subnet(10));
  });

  it('adds a static host live', async () => {
    await page.goto(`/networks/${net}`);
    await page.getByLabel('New host MAC').fill('52:54:00:e2:e2:01');
    await page.getByLabel('New host address').fill(subnet(11));
    await page.getByLabel('New host name').fill('later');
    await page.getByRole('button', { name: 'Add host' }).click();
    await page.getByTestId(`dhcp-host-${subnet(11)}`).waitFor();
    // Live (the running dnsmasq knows it now) and saved, without restarting the network.
    expect(await virsh(['net-dumpxml', net])).toContain(`ip='${subnet(11)}'`);
    expect(await virsh(['net-dumpxml', '--inactive', net])).toContain(`ip='${subnet(11)}'`);
    expect(await virsh(['net-info', net])).toMatch(/Active:\s+yes/);
    // Outside the subnet: refused with a reason, nothing changed.
    await page.getByLabel('New host MAC').fill('52:54:00:e2:e2:02');
    await page.getByLabel('New host address').fill('10.9.9.9');
    await page.getByRole('button', { name: 'Add host' }).click();
    await expect.poll(() => page.getByTestId('dhcp-host-error').textContent()).toMatch(/not inside any subnet/);
  });

  it("edits the saved XML only after a reviewed diff; libvirt's refusal changes nothing", async () => {
    await page.goto(`/networks/${net}`);
    await page.getByRole('button', { name: 'Edit saved definition' }).click();
    const editor = page.getByTestId('xml-editor');
    const original = await editor.inputValue();
    await editor.fill(original.replace('</network>', '<network>'));
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('xml-error').waitFor();
    expect(await virsh(['net-dumpxml', '--inactive', net])).toContain(`end='${subnet(150)}'`);

    await editor.fill(original.replace(`end='${subnet(150)}'`, `end='${subnet(140)}'`));
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page
      .getByTestId('xml-diff')
      .getByText(`end='${subnet(140)}'`)
      .waitFor();
    expect(await virsh(['net-dumpxml', '--inactive', net])).toContain(`end='${subnet(150)}'`);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('xml-saved').waitFor();
    expect(await virsh(['net-dumpxml', '--inactive', net])).toContain(`end='${subnet(140)}'`);
    // The running network keeps its range until it is restarted, and the page says so.
    expect(await virsh(['net-dumpxml', net])).toContain(`end='${subnet(150)}'`);
    await page.getByText('The saved definition differs from the running network').waitFor();
  });

  it('refuses to delete a network in use and lists the VMs', async () => {
    await page.goto(`/networks/${net}`);
    await page.getByRole('button', { name: 'Delete…' }).click();
    expect(await page.getByTestId('delete-warning').textContent()).toContain(vm);
    await page.getByRole('button', { name: 'Delete network' }).click();
    await expect.poll(() => page.getByTestId('network-error').textContent()).toContain(`still used by virtual machine: ${vm}`);
    expect(await networkDefined(net)).toBe(true);
    await screenshot(page, 'networks-delete-refused');
    const audit = await apiFromPage(page, '/api/audit?q=network.delete');
    expect(JSON.stringify(audit.body)).toContain('error');
  });

  it('deletes it once no VM uses it', async () => {
    consoleReader?.stop();
    consoleReader = null;
    await virshCleanupDomain(vm);
    await page.goto(`/networks/${net}`);
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Delete network' }).click();
    await page.waitForURL('**/networks');
    expect(await networkDefined(net)).toBe(false);
  });
});
