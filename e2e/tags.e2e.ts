import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { virsh, virshCleanupDomain, virshDefine } from '@/test/support/virsh';
import { screenshot } from './support/browser';
import { apiFromPage } from './support/journeys';
import type { VireoServer } from './support/server';
import { startSignedIn, stopAll } from './support/signed-in';

// Tags in the browser: added on the VM page (kept in the VM's libvirt metadata, witnessed by virsh), shown as chips
// in the VM list, and the list filtered by tag and found by the search box (by tag, and by a NIC's MAC address).
// Stopped VMs: no guest boots.

const TAGS_NS = 'https://vireo.dev/xmlns/tags/1';
const suffix = Math.random().toString(36).slice(2, 8);
const tagged = `vireo-tags-${suffix}-a`;
const other = `vireo-tags-${suffix}-b`;
const tag = `e2e-${suffix}`;

let server: VireoServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await ensureFixtures();
  // One NIC each (libvirt picks the MACs): the search finds a VM by its MAC.
  for (const name of [tagged, other]) await virshDefine(tcgGuestXml({ name, memoryMiB: 96, network: 'default' }));
  ({ server, browser, page } = await startSignedIn());
});

afterAll(async () => {
  await stopAll({ server, browser });
  for (const name of [tagged, other]) await virshCleanupDomain(name);
});

describe('VM tags', () => {
  it('adds tags on the VM page, refusing a bad one before sending it', async () => {
    await page.goto(`/vms/${tagged}`);
    const box = page.getByTestId('vm-tags');
    await box.getByText('No tags.').waitFor();
    const input = page.getByLabel('Add a tag');
    await input.fill('not a tag');
    await page.getByTestId('tag-add').click();
    await box.getByText('"not a tag" has a space').waitFor();
    await input.fill(tag.toUpperCase());
    await page.getByTestId('tag-add').click();
    await page.getByTestId(`tag-chip-${tag}`).waitFor();
    await input.fill('db');
    await page.getByTestId('tag-add').click();
    await page.getByTestId('tag-chip-db').waitFor();
    expect(await input.inputValue()).toBe('');
    await screenshot(page, 'tags-vm-page');
    const meta = await virsh(['metadata', tagged, TAGS_NS, '--config']);
    expect(meta).toMatch(new RegExp(`<tag>${tag}</tag>\\s*<tag>db</tag>`));
  });

  it('removes a tag with its chip', async () => {
    await page.getByRole('button', { name: 'Remove tag db' }).click();
    await page.getByTestId('tag-chip-db').waitFor({ state: 'detached' });
    expect(await virsh(['metadata', tagged, TAGS_NS, '--config'])).not.toContain('<tag>db</tag>');
  });

  it('shows the tags in the list, filters by tag, and finds a VM by its tag', async () => {
    await page.goto('/vms');
    await page.getByLabel('Search virtual machines').fill(`vireo-tags-${suffix}`);
    const row = page.getByTestId(`vm-row-${tagged}`);
    await row.getByTestId(`tag-chip-${tag}`).waitFor();
    await page.getByTestId(`vm-row-${other}`).waitFor();
    await page.getByTestId('tag-filter').selectOption(tag);
    await page.getByTestId(`vm-row-${other}`).waitFor({ state: 'detached' });
    await row.waitFor();
    await screenshot(page, 'tags-vm-list');
    await page.getByTestId('tag-filter').selectOption('');
    // The search box matches tags as well as names.
    await page.getByLabel('Search virtual machines').fill(tag);
    await row.waitFor();
    await page.getByTestId(`vm-row-${other}`).waitFor({ state: 'detached' });
  });

  it('finds a VM by its MAC address, typed in capitals or as bare digits', async () => {
    const mac = /<mac address='([0-9a-f:]{17})'/.exec(await virsh(['dumpxml', tagged]))?.[1];
    expect(mac).toBeTruthy();
    const search = page.getByLabel('Search virtual machines');
    const row = page.getByTestId(`vm-row-${tagged}`);
    await search.fill(mac!.toUpperCase());
    await row.waitFor();
    await page.getByTestId(`vm-row-${other}`).waitFor({ state: 'detached' });
    await search.fill('no-such-vm');
    await row.waitFor({ state: 'detached' });
    await search.fill(mac!.replace(/:/g, '').slice(-8));
    await row.waitFor();
    expect(await page.getByTestId(`vm-row-${other}`).count()).toBe(0);
  });

  it('answers bad tags at the API with a message per entry and changes nothing', async () => {
    const { status, body } = await apiFromPage(page, `/api/vms/${tagged}/tags`, 'PUT', { tags: ['ok', '-bad'] });
    expect(status).toBe(422);
    expect(body.fields).toEqual({ 'tags.1': '"-bad" must start with a letter or a digit.' });
    const now = await apiFromPage(page, `/api/vms/${tagged}/tags`);
    expect(now).toEqual({ status: 200, body: { name: tagged, tags: [tag], writes: 'persistent' } });
  });
});
