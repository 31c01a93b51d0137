import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { parseXml, serializeXml, child } from '@/lib/xml/parse';
import { bootToShell, ConsoleReader } from '@/test/support/console-reader';
import { ensureFixtures, shellPrompt, tcgGuestXml } from '@/test/support/fixtures';
import { guestShell } from '@/test/support/guest-shell';
import { virsh, virshDefine, virshDomState } from '@/test/support/virsh';
import { artifactsDir } from './support/browser';
import { createPool, removePool } from './support/hardware-guest';
import { apiFromPage } from './support/journeys';
import { startSignedIn, type SignedIn } from './support/signed-in';

// Issue 18 (snapshots, clones, templates) through the browser, on one TCG fixture guest booted once:
// - running: a snapshot taken from the Snapshots tab (name, description) shows in the tree marked current; the guest
//   then writes a file and a block of its disk; "Revert" brings back both as they were (read through the console);
//   two more snapshots make a chain, one is deleted alone, then the root with its children (virsh lists none);
// - a stopped UEFI guest: the tab says in plain words why there are no internal snapshots, and (libvirt < 9.9) why
//   its external one cannot be reverted; deleting that one removes its overlay file;
// - the guest stopped: a full clone from its page (new UUID, MACs and an independent disk, in the VM list), "Make
//   template" (badge, read-only disk, Start refused), then a linked clone "from template" in the new-VM wizard
//   (its disk an overlay on the template's).

const run = promisify(execFile);
const suffix = Math.random().toString(36).slice(2, 7);
const vm = `vireo-sj-${suffix}`;
const uefi = `${vm}-uefi`;
const fullClone = `${vm}-full`;
const linkedClone = `${vm}-linked`;
const pool = `vireo-sj-p-${suffix}`;
let dir = '';
let app: SignedIn;
let page: Page;
let reader: ConsoleReader;
const sh = guestShell(() => reader);

/** Destroys and undefines, snapshot metadata and NVRAM included; silent when the domain is gone. */
async function cleanup(name: string): Promise<void> {
  await virsh(['destroy', name]).catch(() => undefined);
  await virsh(['undefine', name, '--snapshots-metadata', '--nvram']).catch(() => undefined);
}

/** The test daemon's libvirt version as major * 1e6 + minor * 1e3 + micro. */
async function libvirtVersion(): Promise<number> {
  const m = /Running against daemon:\s*(\d+)\.(\d+)\.(\d+)/.exec(await virsh(['version', '--daemon']));
  return m ? Number(m[1]) * 1e6 + Number(m[2]) * 1e3 + Number(m[3]) : 0;
}

/**
 * The fixture guest with a pflash loader, never started. Its firmware and variables files are stand-ins made
 * beforehand: libvirt 9.0 reads both (or OVMF's variables template) when it deletes an external snapshot, and this
 * machine has no OVMF.
 */
function uefiXml(): string {
  const doc = parseXml(tcgGuestXml({ name: uefi, memoryMiB: 64, withDisk: `${dir}/uefi.qcow2` }));
  const os = child(doc.documentElement, 'os')!;
  const loader = doc.createElement('loader');
  loader.setAttribute('readonly', 'yes');
  loader.setAttribute('type', 'pflash');
  loader.textContent = `${dir}/uefi_CODE.fd`;
  os.appendChild(loader);
  const nvram = doc.createElement('nvram');
  nvram.textContent = `${dir}/uefi_VARS.fd`;
  os.appendChild(nvram);
  return serializeXml(doc);
}

const uuidOf = (xml: string) => /<uuid>([^<]+)<\/uuid>/.exec(xml)![1]!;
const macsOf = (xml: string) => [...xml.matchAll(/<mac address=['"]([^'"]+)['"]/g)].map((m) => m[1]!);

/** The path of the VM's one disk, given as a file or as a pool's volume. */
async function diskOf(xml: string): Promise<string> {
  const source = /<disk type=['"](?:file|volume)['"] device=['"]disk['"][\s\S]*?<source ([^>]*)\/>/.exec(xml)![1]!;
  const attr = (a: string) => new RegExp(`${a}=['"]([^'"]+)['"]`).exec(source)?.[1];
  return attr('file') ?? (await virsh(['vol-path', '--pool', attr('pool')!, attr('volume')!])).trim();
}

/** The image's backing file, as qemu-img reads it (null for an independent image). */
async function backingOf(image: string): Promise<string | null> {
  const { stdout } = await run('qemu-img', ['info', '-U', '--output=json', image]);
  return (JSON.parse(stdout) as { 'backing-filename'?: string })['backing-filename'] ?? null;
}

/** The first 64 KiB of the guest's disk as it reads them, and whether its marker file exists. */
const guestState = () => sh('dd if=/dev/vda bs=65536 count=1 2>/dev/null | sha256sum; cat /vireo-mark 2>/dev/null || echo no-mark');

const dialog = (title: string) => page.getByRole('dialog', { name: title });
const row = (snapshot: string) => page.getByTestId(`snapshot-${snapshot}`);
const snapshotNames = async (name: string) => (await virsh(['snapshot-list', name, '--name'])).split('\n').filter(Boolean).sort();

/** Submits a dialog and waits for it to close; the problem it shows instead fails the test with its words. */
async function submit(d: Locator, button: string): Promise<void> {
  await d.getByRole('button', { name: button, exact: true }).click();
  const alert = d.getByRole('alert').first();
  const closed = d.waitFor({ state: 'hidden', timeout: 50_000 }).then(() => null);
  closed.catch(() => undefined);
  const refused = alert.waitFor({ timeout: 50_000 }).then(() => alert.textContent());
  const problem = await Promise.race([closed, refused.catch(() => null)]);
  if (problem) throw new Error(`"${button}" was refused: ${problem}`);
  await closed;
}

async function takeSnapshot(name: string, description: string): Promise<Locator> {
  await page.getByTestId('snapshot-new').click();
  const d = page.getByTestId('snapshot-create');
  await d.getByTestId('snapshot-name').fill(name);
  await d.getByLabel('Description').fill(description);
  await submit(d, 'Take snapshot');
  const r = row(name);
  await r.getByTestId('snapshot-current').waitFor();
  return r;
}

async function deleteSnapshot(name: string, withChildren: boolean): Promise<void> {
  await row(name).getByRole('button', { name: 'Delete…' }).click();
  const d = dialog(`Delete snapshot "${name}"?`);
  if (withChildren) await d.getByLabel(/Also delete the snapshots taken after it/).check();
  await submit(d, 'Delete');
  await row(name).waitFor({ state: 'detached', timeout: 60_000 });
}

/** Fills the Clone dialog open on the page, submits it, and waits on the job page for the clone to be made. */
async function cloneThroughDialog(name: string, mode: 'Linked' | 'Full'): Promise<void> {
  const d = page.getByTestId('clone-dialog');
  await d.getByTestId('clone-name').fill(name);
  await d.getByRole('radio', { name: new RegExp(`^${mode}:`) }).check();
  await d.getByRole('button', { name: 'Clone' }).click();
  await page.waitForURL('**/jobs/**');
  await page.locator('[data-testid="job"][data-status="succeeded"]').waitFor({ timeout: 60_000 });
}

beforeAll(async () => {
  await ensureFixtures();
  dir = await createPool(pool);
  await virsh(['vol-create-as', pool, 'disk.qcow2', '8M', '--format', 'qcow2']);
  await virsh(['vol-create-as', pool, 'uefi.qcow2', '8M', '--format', 'qcow2']);
  await virshDefine(tcgGuestXml({ name: vm, memoryMiB: 96, withDisk: `${dir}/disk.qcow2`, network: 'default' }));
  for (const f of ['uefi_CODE.fd', 'uefi_VARS.fd']) await writeFile(`${dir}/${f}`, Buffer.alloc(128 * 1024));
  await virshDefine(uefiXml());
  // The guest boots while the server starts.
  [reader, app] = await Promise.all([bootToShell(vm, 120_000), startSignedIn()]);
  page = app.page;
}, 240_000);

afterAll(async () => {
  if (app) await writeFile(path.join(artifactsDir, 'snapshots-server.log'), app.server.output()).catch(() => undefined);
  reader?.close();
  await app?.close();
  for (const name of [linkedClone, fullClone, vm, uefi]) await cleanup(name);
  await removePool(pool);
});

describe('snapshots, clones and templates in the browser', () => {
  it('takes a snapshot of the running guest, reverts a change in it, and deletes snapshots (one, then with children)', async () => {
    await page.goto(`/vms/${vm}?tab=snapshots`);
    await page.getByTestId('snapshots-panel').waitFor();
    expect(await page.getByTestId('snapshot-policy').textContent()).toMatch(/^New snapshots: (internal|external)\./);
    const before = await guestState();
    expect(before).toContain('no-mark');

    const taken = await takeSnapshot('clean', 'before the change');
    expect(await taken.textContent()).toContain('before the change');
    expect(await taken.textContent()).toMatch(/with memory/);
    expect((await virsh(['snapshot-current', vm, '--name'])).trim()).toBe('clean');

    await sh('echo changed > /vireo-mark; echo changed | dd of=/dev/vda conv=fsync 2>/dev/null; sync');
    const changed = await guestState();
    expect(changed).toContain('changed');
    expect(changed.split(/\s/)[0]).not.toBe(before.split(/\s/)[0]);

    await row('clean').getByRole('button', { name: 'Revert…' }).click();
    await submit(dialog(`Revert "${vm}" to "clean"?`), 'Revert');
    // The memory went back too: the shell is where it was (QEMU restarted on it: a new console), the file never
    // written, the disk's cache unchanged.
    reader.close();
    reader = await ConsoleReader.forDomain(vm);
    reader.write('\n');
    await reader.waitFor(shellPrompt, 30_000);
    expect(await guestState()).toBe(before);
    expect(await virshDomState(vm)).toBe('running');

    // A chain: clean → second → third (each taken where the VM stands, so each is the previous one's child).
    await takeSnapshot('second', 'a child');
    await takeSnapshot('third', 'a grandchild');
    expect(await row('third').textContent()).toContain('└ third');
    await deleteSnapshot('third', false);
    expect(await snapshotNames(vm)).toEqual(['clean', 'second']);
    await deleteSnapshot('clean', true);
    await row('second').waitFor({ state: 'detached' });
    await page.getByText('No snapshots yet.').waitFor();
    expect(await snapshotNames(vm)).toEqual([]);
  }, 180_000);

  it('says in plain words why a UEFI guest takes no internal snapshots, and why its external one cannot be reverted', async () => {
    const revertsExternal = (await libvirtVersion()) >= 9_009_000;
    await page.goto(`/vms/${uefi}?tab=snapshots`);
    const policy = await page.getByTestId('snapshot-policy').textContent();
    expect(policy).toContain('UEFI guests keep their firmware variables outside the disks');
    expect(policy).toContain('New snapshots: external.');
    if (!revertsExternal) expect(policy).toMatch(/can create and delete external snapshots but not revert to them/);

    await page.getByTestId('snapshot-new').click();
    const create = page.getByTestId('snapshot-create');
    expect(await create.getByRole('radio', { name: /^Internal/ }).isDisabled()).toBe(true);
    await create.getByTestId('snapshot-name').fill('ext');
    await submit(create, 'Take snapshot');
    const overlay = `${dir}/${uefi}-vda-ext.qcow2`;
    expect(existsSync(overlay)).toBe(true);
    const taken = row('ext');
    expect(await taken.textContent()).toContain('external');
    if (!revertsExternal) {
      expect(await taken.textContent()).toMatch(/cannot revert to external snapshots/);
      expect(await taken.getByRole('button', { name: 'Revert…' }).isDisabled()).toBe(true);
    }
    await deleteSnapshot('ext', false);
    expect(existsSync(overlay)).toBe(false);
    expect(await snapshotNames(uefi)).toEqual([]);
  }, 60_000);

  it('clones the stopped guest in full: a new UUID, new MACs and its own disk, in the VM list', async () => {
    reader.close();
    await virsh(['destroy', vm]);
    await page.goto(`/vms/${vm}`);
    await expect.poll(() => page.getByTestId('clone-open').isEnabled()).toBe(true);
    await page.getByTestId('clone-open').click();
    await cloneThroughDialog(fullClone, 'Full');

    const [src, copy] = await Promise.all([virsh(['dumpxml', '--inactive', vm]), virsh(['dumpxml', '--inactive', fullClone])]);
    expect(uuidOf(copy)).not.toBe(uuidOf(src));
    expect(macsOf(src)).toHaveLength(1);
    expect(macsOf(copy)).toHaveLength(1);
    expect(macsOf(copy)[0]).not.toBe(macsOf(src)[0]);
    expect(await diskOf(copy)).not.toBe(await diskOf(src));
    expect(await backingOf(await diskOf(copy))).toBeNull();
    await page.goto('/vms');
    await page.getByRole('link', { name: fullClone, exact: true }).waitFor();
  }, 90_000);

  it('makes the guest a template (read-only disk, Start refused), then a linked clone of it from the new-VM wizard', async () => {
    await page.goto(`/vms/${vm}`);
    await page.getByTestId('template-toggle').click();
    await submit(dialog(`Make "${vm}" a template?`), 'Make template');
    await page.getByTestId('template-badge').waitFor();
    expect(await virsh(['dumpxml', '--inactive', vm])).toMatch(/<disk type='file' device='disk'>[\s\S]*?<readonly\/>[\s\S]*?<\/disk>/);

    // No Start button for a template, and the server refuses a start asked for anyway.
    expect(await page.getByRole('button', { name: `Start ${vm}` }).count()).toBe(0);
    const refused = await apiFromPage(page, `/api/hosts/local/vms/${vm}/actions`, 'POST', { action: 'start' });
    expect(refused).toMatchObject({ status: 409, body: { error: expect.stringMatching(/is a template, and templates are never started/) } });
    expect(await virshDomState(vm)).toBe('shut off');

    await page.goto('/new-vm');
    const from = page.getByTestId('from-template');
    await from.getByLabel('Template').selectOption(vm);
    await from.getByTestId('from-template-clone').click();
    expect(
      await page
        .getByTestId('clone-dialog')
        .getByRole('radio', { name: /^Linked:/ })
        .isChecked(),
    ).toBe(true);
    await cloneThroughDialog(linkedClone, 'Linked');

    const [src, linked] = await Promise.all([virsh(['dumpxml', '--inactive', vm]), virsh(['dumpxml', '--inactive', linkedClone])]);
    expect(uuidOf(linked)).not.toBe(uuidOf(src));
    expect(macsOf(linked)[0]).not.toBe(macsOf(src)[0]);
    expect(await backingOf(await diskOf(linked))).toBe(await diskOf(src));
    await page.goto('/vms');
    await page.getByRole('link', { name: linkedClone, exact: true }).waitFor();
    const templateRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: vm, exact: true }) });
    await templateRow.getByTestId('template-badge').waitFor();
  }, 90_000);
});
