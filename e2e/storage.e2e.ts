import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { tcgGuestXml } from '@/test/support/fixtures';
import { virsh, virshCleanupDomain, virshDefine } from '@/test/support/virsh';
import { newContext, screenshot } from './support/browser';
import { type VireoServer } from './support/server';
import { startSignedIn, stopAll } from './support/signed-in';
import { adminPassword, apiFromPage, login } from './support/journeys';

// Issue 4 (storage) through the browser: a directory pool in a temp dir, volumes, an upload with progress and a
// download, checked against virsh as an independent witness.

const suffix = Math.random().toString(36).slice(2, 8);
const pool = `vireo-e2e-pool-${suffix}`;
const user = `vireo-e2e-voluser-${suffix}`;
const payloadSize = 5 * 1024 * 1024 + 4099; // a few MB, deliberately not a multiple of any block size
let server: VireoServer;
let browser: Browser;
let page: Page;
let work: string;
let poolDir: string;
let payloadFile: string;
let payloadSha = '';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const names = async (args: string[]) =>
  (await virsh(args))
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
const volumeNames = async () =>
  (await virsh(['vol-list', '--pool', pool]))
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0]!)
    .filter(Boolean);

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'vireo-e2e-storage-'));
  poolDir = path.join(work, 'pool'); // not there yet: "build" makes it
  payloadFile = path.join(work, 'payload.iso');
  const payload = randomBytes(payloadSize);
  payloadSha = sha256(payload);
  await writeFile(payloadFile, payload);
  ({ server, browser, page } = await startSignedIn());
});

afterAll(async () => {
  await virshCleanupDomain(user);
  for (const v of await volumeNames().catch(() => [])) await virsh(['vol-delete', '--pool', pool, v]).catch(() => undefined);
  await virsh(['pool-destroy', pool]).catch(() => undefined);
  await virsh(['pool-undefine', pool]).catch(() => undefined);
  await rm(work, { recursive: true, force: true });
  await stopAll({ server, browser });
});

let viewer: Page | undefined;

/** A viewer signed in in a browser of their own, made on first use. */
async function viewerPage(): Promise<Page> {
  if (viewer) return viewer;
  const created = await apiFromPage(page, '/api/users', 'POST', { username: 'storage-viewer', password: adminPassword, role: 'viewer' });
  expect(created.status).toBe(201);
  viewer = await (await newContext(browser, server.url)).newPage();
  await login(viewer, 'storage-viewer', adminPassword);
  return viewer;
}

async function confirm(label: string): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: label }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

describe('storage', () => {
  it('refuses a pool named ../etc with a clear message and defines nothing', async () => {
    const before = await names(['pool-list', '--all', '--name']);
    await page.goto('/storage');
    await page.getByRole('link', { name: 'Create pool' }).click();
    await page.getByLabel(/^Name/).fill('../etc');
    await page.getByLabel('Target path').fill(poolDir);
    await page.getByRole('button', { name: 'Create pool' }).click();
    await expect.poll(() => page.getByTestId('pool-form-error').textContent()).toMatch(/The pool name may not contain "\/".*outside the pool/);
    expect(await page.getByLabel(/^Name/).getAttribute('aria-invalid')).toBe('true');
    expect(await names(['pool-list', '--all', '--name'])).toEqual(before);
    await expect(stat(poolDir)).rejects.toThrow();
  });

  it('creates, builds and starts a directory pool and shows its capacity', async () => {
    await page.getByLabel(/^Name/).fill(pool);
    await page.getByRole('button', { name: 'Create pool' }).click();
    await page.waitForURL(`**/storage/${pool}`);
    await expect.poll(() => page.getByTestId('pool-state').textContent()).toBe('running');
    expect(await page.getByTestId('pool-capacity').textContent()).toMatch(/\d+(\.\d)? (MiB|GiB|TiB)/);
    expect(await virsh(['pool-info', pool])).toMatch(/State:\s+running/);
    expect(await virsh(['pool-dumpxml', pool])).toContain(`<path>${poolDir}</path>`);
    expect((await stat(poolDir)).isDirectory()).toBe(true);
    await page.getByRole('button', { name: 'Enable autostart' }).click();
    await expect.poll(() => page.getByTestId('pool-autostart').textContent()).toBe('yes');
    expect(await virsh(['pool-info', pool])).toMatch(/Autostart:\s+yes/);
    await page.goto('/storage');
    await expect.poll(() => page.getByTestId(`pool-row-${pool}`).textContent()).toContain(poolDir);
    await page.getByRole('link', { name: pool }).click();
    await page.waitForURL(`**/storage/${pool}`);
  });

  it('creates a qcow2 volume, and refuses a volume name with a path in it', async () => {
    await page.getByLabel('Volume name').fill('../escape.qcow2');
    await page.getByLabel('Size').fill('16');
    await page.getByLabel('Unit').selectOption('MiB');
    await page.getByRole('button', { name: 'Create volume' }).click();
    await expect.poll(() => page.getByTestId('volume-form-error').textContent()).toMatch(/volume name may not contain "\/"/);
    expect(await volumeNames()).toEqual([]);
    await page.getByLabel('Volume name').fill('disk.qcow2');
    await page.getByRole('button', { name: 'Create volume' }).click();
    await page.getByTestId('volume-row-disk.qcow2').waitFor();
    expect(await virsh(['vol-info', '--pool', pool, 'disk.qcow2', '--bytes'])).toMatch(/Capacity:\s+16777216 bytes/);
    expect(await virsh(['vol-dumpxml', '--pool', pool, 'disk.qcow2'])).toContain(`<format type='qcow2'/>`);
  });

  it('uploads a local file through the browser with progress to 100%', async () => {
    // Every value the bar shows, so the test sees it move rather than only its end state.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __progress: number[] }).__progress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[role=progressbar]');
        if (bar) seen.push(Number(bar.getAttribute('aria-valuenow')));
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    });
    await page.getByLabel('File to upload').setInputFiles(payloadFile);
    expect(await page.getByLabel('Upload as volume').inputValue()).toBe('payload.iso');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect.poll(() => page.getByRole('progressbar').getAttribute('aria-valuenow'), { timeout: 60_000 }).toBe('100');
    expect(await page.getByTestId('upload-status').textContent()).toBe('Uploaded payload.iso (100%).');
    const seen = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    expect(seen.at(-1)).toBe(100);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    await page.getByTestId('volume-row-payload.iso').waitFor();
    await screenshot(page, 'storage-uploaded');
    // Witness: libvirt's own client reads back the same bytes.
    const witness = path.join(work, 'witness.bin');
    await virsh(['vol-download', '--pool', pool, 'payload.iso', witness]);
    expect(sha256(await readFile(witness))).toBe(payloadSha);
  });

  it('downloads the volume with the same bytes', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download payload.iso' }).click()]);
    expect(download.suggestedFilename()).toBe('payload.iso');
    const file = path.join(work, 'downloaded.bin');
    await download.saveAs(file);
    expect(sha256(await readFile(file))).toBe(payloadSha);
  });

  it("shows a viewer the volumes but no Download link, and the API refuses them the volume's data", async () => {
    const v = await viewerPage();
    await v.goto(`/storage/${pool}`);
    await v.getByTestId('volume-row-payload.iso').waitFor();
    expect(await v.getByRole('link', { name: /^Download/ }).count()).toBe(0);
    expect(await v.getByRole('button', { name: 'Delete payload.iso' }).count()).toBe(0);
    const res = await v.request.get(`/api/storage/pools/${pool}/volumes/payload.iso/download`);
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/does not allow you to read a volume's data/);
    // The admin still has the link (the same page, another role).
    await page.getByRole('link', { name: 'Download payload.iso' }).waitFor();
  });

  it('refuses an upload whose body is longer than declared, keeping nothing', async () => {
    const r = await page.evaluate(async (pool) => {
      const csrf = decodeURIComponent(document.cookie.match(/(?:^|;\s*)vireo_csrf=([^;]*)/)?.[1] ?? '');
      const res = await fetch(`/api/storage/pools/${pool}/upload?name=short.raw&size=10`, {
        method: 'PUT',
        headers: { 'x-csrf-token': csrf },
        body: new Uint8Array(4096),
      });
      return { status: res.status, body: (await res.json()) as { error: string } };
    }, pool);
    expect(r.status).toBe(422);
    expect(r.body.error).toMatch(/body is 4096 bytes but the upload declared 10/);
    const bad = await apiFromPage(page, `/api/storage/pools/${pool}/upload?name=..%2Fx&size=10`, 'PUT');
    expect(bad.status).toBe(422);
    expect(String(bad.body.error)).toMatch(/may not contain "\/"/);
    expect((await volumeNames()).sort()).toEqual(['disk.qcow2', 'payload.iso']);
  });

  it('resizes and wipes volumes', async () => {
    await page.getByRole('button', { name: 'Resize disk.qcow2' }).click();
    await page.getByLabel('New size of disk.qcow2 (MiB)').fill('32');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.getByTestId('volume-row-disk.qcow2').getByTestId('volume-capacity').getAttribute('data-bytes')).toBe(String(32 * 1024 * 1024));
    expect(await virsh(['vol-info', '--pool', pool, 'disk.qcow2', '--bytes'])).toMatch(/Capacity:\s+33554432 bytes/);

    await page.getByRole('button', { name: 'Wipe payload.iso' }).click();
    await confirm('Wipe volume');
    const witness = path.join(work, 'wiped.bin');
    await virsh(['vol-download', '--pool', pool, 'payload.iso', witness]);
    const wiped = await readFile(witness);
    // libvirt's wipe writes whole blocks of the allocation, so the file may end up a little longer; all zeros.
    expect(wiped.length).toBeGreaterThanOrEqual(payloadSize);
    expect(wiped.every((b) => b === 0)).toBe(true);
  });

  it('names what uses a volume and refuses to delete it until the admin confirms with the users named', async () => {
    // A shut-off VM whose second disk is disk.qcow2, and a directory inside the pool.
    await virshDefine(
      tcgGuestXml({ name: user, memoryMiB: 96 }).replace(
        '</devices>',
        `<disk type='volume' device='disk'><driver name='qemu' type='qcow2'/><source pool='${pool}' volume='disk.qcow2'/><target dev='vdb' ` +
          `bus='virtio'/></disk></devices>`,
      ),
    );
    await mkdir(path.join(poolDir, 'subdir'));
    await virsh(['pool-refresh', pool]);
    await page.reload();
    await expect.poll(() => page.getByTestId('volume-row-disk.qcow2').getByTestId('volume-users').textContent()).toBe(user);
    // A directory of the pool is listed, but is no image: no download, resize or wipe.
    const dir = page.getByTestId('volume-row-subdir');
    await dir.getByText('directory').waitFor();
    for (const action of ['Download', 'Resize', 'Wipe'])
      expect(await dir.getByRole(action === 'Download' ? 'link' : 'button', { name: `${action} subdir` }).count()).toBe(0);

    // The API refuses with the users named, and accepts only a confirmation naming them all.
    const refused = await apiFromPage(page, `/api/storage/pools/${pool}/volumes/disk.qcow2`, 'DELETE');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'volume-in-use', confirm: [user], users: [{ kind: 'vm', name: user, running: false, targets: ['vdb'] }] });
    expect(String(refused.body.error)).toMatch(new RegExp(`in use by VM ${user} as vdb`));
    expect((await apiFromPage(page, `/api/storage/pools/${pool}/volumes/disk.qcow2`, 'DELETE', { confirmUsers: ['another-vm'] })).status).toBe(409);
    expect(await volumeNames()).toContain('disk.qcow2');

    // The page asks with the users named; Delete stays disabled until the admin ticks that they understand.
    await page.getByRole('button', { name: 'Delete disk.qcow2' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('volume-in-use').getByText(`VM ${user} as vdb`).waitFor();
    expect(await dialog.getByRole('button', { name: 'Delete volume' }).isDisabled()).toBe(true);
    await screenshot(page, 'storage-volume-in-use');
    await dialog.getByLabel(`Delete it anyway, breaking ${user}`).check();
    await confirm('Delete volume');
    await page.getByTestId('volume-row-disk.qcow2').waitFor({ state: 'detached' });
    expect(await volumeNames()).not.toContain('disk.qcow2');
  });

  it('names a new volume after its format unless told otherwise', async () => {
    await page.getByLabel('Volume name').fill('fresh');
    await page.getByText('Created as fresh.qcow2').waitFor();
    await page.getByLabel('Size', { exact: true }).fill('1');
    await page.getByLabel('Unit').selectOption('MiB');
    await page.getByRole('button', { name: 'Create volume' }).click();
    await page.getByTestId('volume-row-fresh.qcow2').waitFor();
    expect(await volumeNames()).toContain('fresh.qcow2');
  });

  it('deletes the volumes, then stops, deletes and undefines the pool', async () => {
    for (const v of ['payload.iso', 'fresh.qcow2', 'subdir']) {
      await page.getByRole('button', { name: `Delete ${v}` }).click();
      await confirm('Delete volume');
      await page.getByTestId(`volume-row-${v}`).waitFor({ state: 'detached' });
    }
    expect(await volumeNames()).toEqual([]);
    await page.getByRole('button', { name: 'Stop' }).click();
    await confirm('Stop pool');
    await expect.poll(() => page.getByTestId('pool-state').textContent()).toBe('inactive');
    expect(await virsh(['pool-info', pool])).toMatch(/State:\s+inactive/);
    await page.getByRole('button', { name: 'Delete storage' }).click();
    await confirm('Delete storage');
    await expect(stat(poolDir)).rejects.toThrow();
    await page.getByRole('button', { name: 'Undefine' }).click();
    await confirm('Undefine');
    await page.waitForURL((u) => u.pathname === '/hosts/local/storage');
    expect(await names(['pool-list', '--all', '--name'])).not.toContain(pool);
  });

  it('records every change in the audit log, including the refused ones', async () => {
    const { body } = await apiFromPage(page, `/api/audit?q=${encodeURIComponent(pool)}`);
    const rows = body.entries as Array<{ action: string; outcome: string }>;
    const seen = rows.map((r) => `${r.action}:${r.outcome}`);
    for (const a of [
      'pool.create:ok',
      'pool.autostart-on:ok',
      'volume.create:ok',
      'volume.upload:ok',
      'volume.resize:ok',
      'volume.wipe:ok',
      'volume.delete:ok',
      'volume.delete:error',
      'pool.stop:ok',
      'pool.delete-storage:ok',
      'pool.undefine:ok',
      'volume.upload:error',
    ]) {
      expect(seen).toContain(a);
    }
  });

  it('lets a viewer read storage but not change it', async () => {
    const viewer = await viewerPage();
    await viewer.getByRole('link', { name: 'Storage', exact: true }).click();
    await viewer.getByTestId('pool-table').waitFor();
    expect(await viewer.getByRole('link', { name: 'Create pool' }).count()).toBe(0);
    const refused = await apiFromPage(viewer, '/api/storage/pools', 'POST', { name: `${pool}-v`, type: 'dir', targetPath: `${poolDir}-v` });
    expect(refused.status).toBe(403);
    expect(String(refused.body.error)).toMatch(/does not allow you to change storage/);
    expect(await names(['pool-list', '--all', '--name'])).not.toContain(`${pool}-v`);
  });
});
