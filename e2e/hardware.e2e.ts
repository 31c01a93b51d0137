import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { ConsoleReader } from '@/test/support/console-reader';
import { ensureFixtures } from '@/test/support/fixtures';
import { virsh, virshCleanupDomain, virshDefine } from '@/test/support/virsh';
import { launchBrowser, newContext, screenshot } from './support/browser';
import {
  balloonKiB,
  blockDevices,
  bootHardwareGuest,
  createPool,
  hardwareGuestXml,
  inactiveXml,
  interfaces,
  liveXml,
  removePool,
} from './support/hardware-guest';
import { adminPassword, apiFromPage, createFirstAdmin, login } from './support/journeys';
import { startVireo, type VireoServer } from './support/server';
import { stopAll } from './support/signed-in';

// Issue 6 through the browser: the Hardware tab of a running TCG guest. Each change is checked inside the guest
// (its serial console, read straight from the pty) and with virsh; refusals must leave both XMLs untouched.

const suffix = Math.random().toString(36).slice(2, 8);
const vm = `vireo-hw-e2e-${suffix}`;
const q35 = `vireo-hw-q35-${suffix}`;
const pool = `vireo-hw-e2e-${suffix}`;
let poolDir = '';
let server: VireoServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let guest: ConsoleReader;
let addedDisk = '';
let addedMac = '';
/** Script errors in the admin's page (refused requests log "Failed to load resource", which is expected). */
const pageErrors: string[] = [];

beforeAll(async () => {
  await ensureFixtures();
  poolDir = await createPool(pool);
  await virsh(['vol-create-as', pool, 'media.iso', '1M', '--format', 'raw']);
  await virshDefine(hardwareGuestXml({ name: q35, machine: 'q35' }));
  guest = await bootHardwareGuest({ name: vm });
  server = await startVireo();
  browser = await launchBrowser();
  ctx = await newContext(browser, server.url);
  page = await ctx.newPage();
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) pageErrors.push(msg.text());
  });
  await createFirstAdmin(page, server.setupCode!);
});

afterAll(async () => {
  guest?.close();
  await stopAll({ server, browser }, 'hardware');
  await virshCleanupDomain(vm);
  await virshCleanupDomain(q35);
  await removePool(pool);
});

async function openHardware(name: string): Promise<void> {
  await page.goto(`/vms/${name}`);
  await page.getByRole('tab', { name: 'Hardware' }).click();
  await page.getByTestId('hardware-panel').waitFor();
}

const section = (id: string) => page.getByTestId(id);

async function outcomeIn(scope: Locator): Promise<string> {
  const h = scope.getByTestId('change-outcome-headline');
  await h.waitFor({ timeout: 60_000 });
  return (await h.textContent()) ?? '';
}

async function refusalIn(scope: Locator): Promise<string> {
  const r = scope.getByTestId('change-refused');
  await r.waitFor({ timeout: 30_000 });
  return (await r.textContent()) ?? '';
}

/** Runs a command in the guest until its output matches (hotplug reaches the guest a little after libvirt answers). */
async function inGuest(command: string, re: RegExp, timeoutMs = 60_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const out = await guest.exec(command);
    if (re.test(out)) return out;
    if (Date.now() > until) throw new Error(`guest: "${command}" never matched ${re}; last output:\n${out}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function bothXml(name: string): Promise<[string, string]> {
  return [await liveXml(name), await inactiveXml(name)];
}

async function volumes(): Promise<string[]> {
  await virsh(['pool-refresh', pool]);
  return (await virsh(['vol-list', pool]))
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0]!)
    .filter(Boolean)
    .sort();
}

describe('hardware tab on a running guest', () => {
  it('shows vCPUs, memory, disks, CD-ROM, NICs and boot settings with where each device lives', async () => {
    await openHardware(vm);
    expect(await page.getByTestId('hardware-panel').getAttribute('data-running')).toBe('true');
    expect(await page.getByTestId('vcpu-live').textContent()).toBe('1 online');
    expect(await page.getByTestId('vcpu-persistent').textContent()).toMatch(/^1 of 2/);
    expect(await page.getByTestId('memory-persistent').textContent()).toBe('192 MiB of 256 MiB (maximum)');
    const cd = page.getByTestId('cdrom-row-sda');
    expect(await cd.getByTestId('cdrom-media').textContent()).toBe('empty');
    expect(await cd.getByTestId('presence').textContent()).toBe('live + next boot');
    const [mac] = [...(await interfaces(vm)).keys()];
    expect(await page.getByTestId(`nic-row-${mac}`).getByTestId('nic-source').textContent()).toContain('default');
    expect(await page.getByTestId('boot-machine').textContent()).toMatch(/x86_64 pc/);
    await screenshot(page, 'hardware-tab');
  });

  it('adds a new 1 GiB volume as a virtio disk live and for next boot; the guest sees it', async () => {
    await openHardware(vm);
    const before = await blockDevices(vm);
    const disks = section('hw-disks');
    await disks.getByRole('button', { name: 'Add disk…' }).click();
    const dlg = page.getByRole('dialog', { name: 'Add disk' });
    await dlg.getByLabel('New volume in a pool', { exact: true }).check();
    await dlg.getByLabel('Pool', { exact: true }).selectOption(pool);
    await dlg.getByLabel('Volume name', { exact: true }).fill('data.qcow2');
    await dlg.getByLabel('Size (GiB)', { exact: true }).fill('1');
    await dlg.getByLabel('Bus', { exact: true }).selectOption('virtio');
    await dlg.getByLabel('Both', { exact: true }).check();
    await dlg.getByRole('button', { name: 'Add disk' }).click();
    await dlg.waitFor({ state: 'hidden', timeout: 60_000 });
    expect(await outcomeIn(disks)).toBe('Applied live and for next boot.');

    const after = await blockDevices(vm);
    const added = [...after.keys()].filter((t) => !before.has(t));
    expect(added).toHaveLength(1);
    addedDisk = added[0]!;
    expect(addedDisk).toMatch(/^vd[a-z]$/);
    // A pool volume stays a volume disk (<source pool= volume=>): domblklist names the volume.
    expect(after.get(addedDisk)).toBe('data.qcow2');
    expect((await blockDevices(vm, true)).get(addedDisk)).toBe('data.qcow2');
    expect(await liveXml(vm)).toContain(`<source pool='${pool}' volume='data.qcow2'`);
    const row = disks.getByTestId(`disk-row-${addedDisk}`);
    expect(await row.getByTestId('presence').textContent()).toBe('live + next boot');
    // The guest names its first virtio disk vda whatever the target says; 1 GiB = 2097152 sectors of 512 bytes.
    await inGuest('ls /sys/block', /\bvda\b/);
    expect((await guest.exec('cat /sys/block/vda/size')).trim()).toBe('2097152');
    await screenshot(page, 'hardware-disk-added');
  });

  it('refuses a disk whose target is already used, with a clear message, and changes nothing', async () => {
    await openHardware(vm);
    const [live, inactive] = await bothXml(vm);
    const vols = await volumes();
    const disks = section('hw-disks');
    await disks.getByRole('button', { name: 'Add disk…' }).click();
    const dlg = page.getByRole('dialog', { name: 'Add disk' });
    await dlg.getByLabel('File path on the host', { exact: true }).check();
    await dlg.getByLabel('File path', { exact: true }).fill(`${poolDir}/media.iso`);
    await dlg.getByLabel('Bus', { exact: true }).selectOption('virtio');
    await dlg.getByLabel('Target (optional)', { exact: true }).fill(addedDisk);
    await dlg.getByLabel('Both', { exact: true }).check();
    await dlg.getByRole('button', { name: 'Add disk' }).click();
    const msg = await refusalIn(dlg);
    expect(msg).toContain(addedDisk);
    expect(msg).toMatch(/already|in use|used/i);
    expect(await dlg.getByLabel('Target (optional)', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await bothXml(vm)).toEqual([live, inactive]);
    expect(await volumes()).toEqual(vols);
    await dlg.getByRole('button', { name: 'Cancel' }).click();
    await dlg.waitFor({ state: 'hidden' });
  });

  it('grows the disk live and in its pool; the guest sees the new size', async () => {
    await openHardware(vm);
    const disks = section('hw-disks');
    await disks.getByRole('button', { name: `Edit disk ${addedDisk}` }).click();
    const dlg = page.getByRole('dialog', { name: `Edit disk ${addedDisk}` });
    await dlg.getByLabel('Both', { exact: true }).check();
    await dlg.getByLabel('Grow to (GiB)', { exact: true }).fill('2');
    await dlg.getByRole('button', { name: 'Grow disk' }).click();
    await dlg.waitFor({ state: 'hidden', timeout: 60_000 });
    expect(await outcomeIn(disks)).toBe('Applied live and for next boot.');
    expect(await virsh(['vol-info', '--pool', pool, 'data.qcow2', '--bytes'])).toMatch(/Capacity:\s+2147483648 bytes/);
    await inGuest('cat /sys/block/vda/size', /^4194304$/m);
    await expect.poll(() => disks.getByTestId(`disk-row-${addedDisk}`).getByTestId('disk-size').getAttribute('data-bytes')).toBe('2147483648');
  });

  it('shows a refused live half plainly: a cache change is saved for next boot, QEMU refuses it live', async () => {
    await openHardware(vm);
    const disks = section('hw-disks');
    await disks.getByRole('button', { name: `Edit disk ${addedDisk}` }).click();
    const dlg = page.getByRole('dialog', { name: `Edit disk ${addedDisk}` });
    await dlg.getByLabel('Both', { exact: true }).check();
    await dlg.getByLabel('Cache', { exact: true }).selectOption('writeback');
    await dlg.getByRole('button', { name: 'Save options' }).click();
    await dlg.waitFor({ state: 'hidden', timeout: 30_000 });
    const headline = await outcomeIn(disks);
    expect(headline).toMatch(/^Saved for next boot; live change refused: .*cache/i);
    expect(await disks.getByTestId('change-outcome').getAttribute('data-tone')).toBe('partial');
    expect(await inactiveXml(vm)).toMatch(/<driver [^>]*cache='writeback'/);
    expect(await liveXml(vm)).not.toMatch(/cache='writeback'/);
    // After a reload too, the row says what changes at next boot.
    await openHardware(vm);
    expect(await section('hw-disks').getByTestId('next-boot').textContent()).toContain('cache writeback');
    await screenshot(page, 'hardware-live-half-refused');
  });

  it('detaches the disk live and for next boot: "removal requested" until the guest releases it, then it leaves', async () => {
    await openHardware(vm);
    const disks = section('hw-disks');
    // Paused, the guest cannot answer the unplug request yet: the removal stays pending, and says so.
    await virsh(['suspend', vm]);
    try {
      await disks.getByRole('button', { name: `Remove disk ${addedDisk}` }).click();
      const dlg = page.getByRole('dialog', { name: `Remove disk ${addedDisk}` });
      await dlg.getByLabel('Both', { exact: true }).check();
      await dlg.getByRole('button', { name: 'Remove disk' }).click();
      await dlg.waitFor({ state: 'hidden', timeout: 60_000 });
      expect(await outcomeIn(disks)).toBe('Removed for next boot. Removal requested: the running guest has not released it yet.');
      expect(await disks.getByTestId('change-outcome').getAttribute('data-live')).toBe('pending');
      await disks.getByTestId(`disk-row-${addedDisk}`).getByTestId('removal-requested').waitFor();
      await screenshot(page, 'hardware-removal-requested');
    } finally {
      await virsh(['resume', vm]);
    }
    await inGuest('ls /sys/block', /^(?![\s\S]*\bvda\b)/);
    await openHardware(vm);
    await expect.poll(async () => (await blockDevices(vm)).has(addedDisk), { timeout: 30_000 }).toBe(false);
    expect((await blockDevices(vm, true)).has(addedDisk)).toBe(false);
    await disks.getByTestId(`disk-row-${addedDisk}`).waitFor({ state: 'detached' });
    // The volume itself is kept.
    expect(await volumes()).toContain('data.qcow2');
  });

  it('adds a NIC on the default network live; the guest gets eth1; its link goes down live', async () => {
    await openHardware(vm);
    const before = await interfaces(vm);
    const nics = section('hw-nics');
    await nics.getByRole('button', { name: 'Add interface…' }).click();
    const dlg = page.getByRole('dialog', { name: 'Add network interface' });
    await dlg.getByLabel('Virtual network', { exact: true }).check();
    await dlg.getByLabel('Network', { exact: true }).selectOption('default');
    await dlg.getByLabel('Model', { exact: true }).selectOption('virtio');
    await dlg.getByLabel('Both', { exact: true }).check();
    await dlg.getByRole('button', { name: 'Add interface' }).click();
    await dlg.waitFor({ state: 'hidden', timeout: 60_000 });
    expect(await outcomeIn(nics)).toBe('Applied live and for next boot.');
    const after = await interfaces(vm);
    const added = [...after.keys()].filter((m) => !before.has(m));
    expect(added).toHaveLength(1);
    const mac = added[0]!;
    addedMac = mac;
    expect(after.get(mac)).toBe('default');
    expect((await interfaces(vm, true)).get(mac)).toBe('default');
    await inGuest('ls /sys/class/net', /\beth1\b/);
    expect((await guest.exec('cat /sys/class/net/eth1/address')).trim()).toBe(mac);

    await nics.getByRole('button', { name: `Edit interface ${mac}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit interface ${mac}` });
    await edit.getByLabel('Link state', { exact: true }).selectOption('down');
    await edit.getByLabel('Live', { exact: true }).check();
    await edit.getByRole('button', { name: 'Save interface' }).click();
    await edit.waitFor({ state: 'hidden', timeout: 30_000 });
    expect(await outcomeIn(nics)).toMatch(/^Applied live only/);
    expect((await virsh(['domif-getlink', vm, mac])).trim()).toMatch(/down$/);
    expect((await virsh(['domif-getlink', vm, mac, '--config'])).trim()).toMatch(/up$/);
  });

  it('moves the new NIC to a host bridge for next boot only; the running guest stays on the network', async () => {
    await openHardware(vm);
    const nics = section('hw-nics');
    await nics.getByRole('button', { name: `Edit interface ${addedMac}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit interface ${addedMac}` });
    await edit.getByLabel('Host bridge', { exact: true }).check();
    await edit.getByLabel('Bridge', { exact: true }).selectOption('virbr0');
    await edit.getByLabel('Next boot (persistent)', { exact: true }).check();
    await edit.getByRole('button', { name: 'Save interface' }).click();
    await edit.waitFor({ state: 'hidden', timeout: 30_000 });
    expect(await outcomeIn(nics)).toBe('Saved for next boot; the running guest is unchanged.');
    expect((await interfaces(vm, true)).get(addedMac)).toBe('virbr0');
    expect((await interfaces(vm)).get(addedMac)).toBe('default');
    await openHardware(vm);
    expect(await section('hw-nics').getByTestId('next-boot').textContent()).toMatch(/type bridge, source virbr0/);
  });

  it('changes the balloon live; virsh dommemstat shows it, the saved definition keeps 192 MiB', async () => {
    await openHardware(vm);
    const form = page.getByTestId('memory-current-form');
    await form.getByLabel('Current memory (MiB)', { exact: true }).fill('160');
    await form.getByLabel('Live', { exact: true }).check();
    await form.getByRole('button', { name: 'Save current memory' }).click();
    expect(await outcomeIn(form)).toMatch(/^Applied live only/);
    await expect.poll(() => balloonKiB(vm), { timeout: 30_000 }).toBe(160 * 1024);
    // libvirt rewrites the live <currentMemory> when the guest reports the balloon settled.
    await expect.poll(async () => (await liveXml(vm)).match(/<currentMemory unit='KiB'>(\d+)/)?.[1], { timeout: 30_000 }).toBe(String(160 * 1024));
    expect(await inactiveXml(vm)).toMatch(/<currentMemory unit='KiB'>196608<\/currentMemory>/);
  });

  it('refuses memory above the maximum with a clear message and changes nothing', async () => {
    await openHardware(vm);
    const [live, inactive] = await bothXml(vm);
    const form = page.getByTestId('memory-current-form');
    await form.getByLabel('Current memory (MiB)', { exact: true }).fill('1024');
    await form.getByLabel('Both', { exact: true }).check();
    await form.getByRole('button', { name: 'Save current memory' }).click();
    expect(await refusalIn(form)).toMatch(/maximum/i);
    expect(await form.getByLabel('Current memory (MiB)', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await bothXml(vm)).toEqual([live, inactive]);
    expect(await balloonKiB(vm)).toBe(160 * 1024);
  });

  it('hotplugs a second vCPU; it comes online in the guest', async () => {
    await openHardware(vm);
    const form = page.getByTestId('vcpu-count-form');
    await form.getByLabel('vCPUs', { exact: true }).fill('2');
    await form.getByLabel('Both', { exact: true }).check();
    await form.getByRole('button', { name: 'Save vCPU count' }).click();
    expect(await outcomeIn(form)).toBe('Applied live and for next boot.');
    await inGuest('ls /sys/devices/system/cpu', /\bcpu1\b/);
    // Linux leaves a hotplugged CPU offline unless udev onlines it; the busybox guest has no udev.
    if ((await guest.exec('cat /sys/devices/system/cpu/cpu1/online')).trim() === '0') await guest.exec('echo 1 > /sys/devices/system/cpu/cpu1/online');
    expect((await guest.exec('cat /sys/devices/system/cpu/online')).trim()).toBe('0-1');
    expect((await virsh(['vcpucount', vm, '--live', '--active'])).trim()).toBe('2');
    expect((await virsh(['vcpucount', vm, '--config', '--active'])).trim()).toBe('2');
    await expect.poll(() => page.getByTestId('vcpu-live').textContent()).toBe('2 online');
  });

  it('inserts CD media from a pool volume and ejects it, live and for next boot', async () => {
    await openHardware(vm);
    const cds = section('hw-cdroms');
    await cds.getByRole('button', { name: 'Insert media into sda' }).click();
    const dlg = page.getByRole('dialog', { name: 'Insert media into sda' });
    await dlg.getByLabel('Volume in a pool', { exact: true }).check();
    await dlg.getByLabel('Pool', { exact: true }).selectOption(pool);
    // A small ISO reads in a unit that fits (not "0.0 GiB"); no VM uses it yet.
    const isoOption = dlg.getByLabel('Image', { exact: true }).locator('option', { hasText: 'media.iso' });
    expect(await isoOption.textContent()).toMatch(/^media\.iso \(raw, \d+(\.\d)? (KiB|MiB)\)$/);
    await dlg.getByLabel('Image', { exact: true }).selectOption('media.iso');
    await dlg.getByLabel('Both', { exact: true }).check();
    await dlg.getByRole('button', { name: 'Insert media' }).click();
    await dlg.waitFor({ state: 'hidden', timeout: 30_000 });
    expect(await outcomeIn(cds)).toBe('Applied live and for next boot.');
    // Now the disk picker marks it as in use by this VM.
    const disks = section('hw-disks');
    await disks.getByRole('button', { name: 'Add disk…' }).click();
    const add = page.getByRole('dialog', { name: 'Add disk' });
    await add.getByLabel('Existing volume', { exact: true }).check();
    await add.getByLabel('Pool', { exact: true }).selectOption(pool);
    await expect.poll(() => add.getByLabel('Volume', { exact: true }).locator('option', { hasText: 'media.iso' }).textContent()).toMatch(`in use by ${vm}`);
    await add.getByRole('button', { name: 'Cancel' }).click();
    expect((await blockDevices(vm)).get('sda')).toBe('media.iso');
    expect((await blockDevices(vm, true)).get('sda')).toBe('media.iso');
    expect(await inactiveXml(vm)).toContain(`<source pool='${pool}' volume='media.iso'`);
    expect(await cds.getByTestId('cdrom-row-sda').getByTestId('cdrom-media').textContent()).toContain('media.iso');

    await cds.getByRole('button', { name: 'Eject sda' }).click();
    const eject = page.getByRole('dialog', { name: 'Eject sda' });
    await eject.getByLabel('Both', { exact: true }).check();
    await eject.getByRole('button', { name: 'Eject media' }).click();
    await eject.waitFor({ state: 'hidden', timeout: 30_000 });
    expect(await outcomeIn(cds)).toBe('Applied live and for next boot.');
    expect((await blockDevices(vm)).get('sda')).toBe('-');
    expect((await blockDevices(vm, true)).get('sda')).toBe('-');
    expect(await cds.getByTestId('cdrom-row-sda').getByTestId('cdrom-media').textContent()).toBe('empty');
  });

  it('adds a SCSI CD-ROM drive with media live (the guest gets sr1), then removes it', async () => {
    await openHardware(vm);
    const before = await blockDevices(vm);
    const cds = section('hw-cdroms');
    await cds.getByRole('button', { name: 'Add drive…' }).click();
    const dlg = page.getByRole('dialog', { name: 'Add CD-ROM drive' });
    await dlg.getByLabel('Bus', { exact: true }).selectOption('scsi');
    await dlg.getByLabel('Volume in a pool', { exact: true }).check();
    await dlg.getByLabel('Pool', { exact: true }).selectOption(pool);
    await dlg.getByLabel('Image', { exact: true }).selectOption('media.iso');
    await dlg.getByLabel('Both', { exact: true }).check();
    await dlg.getByRole('button', { name: 'Add drive' }).click();
    await dlg.waitFor({ state: 'hidden', timeout: 30_000 });
    expect(await outcomeIn(cds)).toBe('Applied live and for next boot.');
    const after = await blockDevices(vm);
    const added = [...after.keys()].filter((t) => !before.has(t));
    expect(added).toHaveLength(1);
    const drive = added[0]!;
    expect(after.get(drive)).toBe('media.iso');
    expect((await blockDevices(vm, true)).get(drive)).toBe('media.iso');
    await inGuest('ls /sys/block', /\bsr1\b/);

    await cds.getByRole('button', { name: `Remove drive ${drive}` }).click();
    const rm = page.getByRole('dialog', { name: `Remove drive ${drive}` });
    await rm.getByLabel('Both', { exact: true }).check();
    await rm.getByRole('button', { name: 'Remove drive' }).click();
    await rm.waitFor({ state: 'hidden', timeout: 60_000 });
    expect(await outcomeIn(cds)).toBe('Applied live and for next boot.');
    await expect.poll(async () => (await blockDevices(vm)).has(drive), { timeout: 30_000 }).toBe(false);
    expect((await blockDevices(vm, true)).has(drive)).toBe(false);
    await inGuest('ls /sys/block', /^(?![\s\S]*\bsr1\b)/);
  });

  it('saves persistent-only edits (title, maximum vCPUs) in the inactive XML and not in the live one', async () => {
    await openHardware(vm);
    const desc = page.getByTestId('description-form');
    await desc.getByLabel('Title', { exact: true }).fill('Hardware journey');
    await desc.getByLabel('Next boot (persistent)', { exact: true }).check();
    await desc.getByRole('button', { name: 'Save title and description' }).click();
    expect(await outcomeIn(desc)).toBe('Saved for next boot; the running guest is unchanged.');
    expect(await inactiveXml(vm)).toContain('<title>Hardware journey</title>');
    expect(await liveXml(vm)).not.toContain('<title>');

    const shape = page.getByTestId('vcpu-shape-form');
    // Live is not offered for the maximum: the picker says why.
    expect(await shape.getByLabel('Live', { exact: true }).isDisabled()).toBe(true);
    expect(await shape.getByTestId('scope-note').textContent()).toMatch(/next boot/);
    await shape.getByLabel('Maximum vCPUs', { exact: true }).fill('3');
    await shape.getByRole('button', { name: 'Save CPU settings' }).click();
    expect(await outcomeIn(shape)).toBe('Saved for next boot; the running guest is unchanged.');
    expect(await inactiveXml(vm)).toMatch(/<vcpu placement='static' current='2'>3<\/vcpu>/);
    expect(await liveXml(vm)).toMatch(/<vcpu placement='static'>2<\/vcpu>/);
    await screenshot(page, 'hardware-persistent-only');
  });
});

describe('hardware tab on a shut-off q35 guest', () => {
  it('offers no live changes and says why', async () => {
    await openHardware(q35);
    expect(await page.getByTestId('hardware-panel').getAttribute('data-running')).toBe('false');
    const form = page.getByTestId('memory-current-form');
    expect(await form.getByLabel('Live', { exact: true }).isDisabled()).toBe(true);
    expect(await form.getByLabel('Both', { exact: true }).isDisabled()).toBe(true);
    expect(await form.getByTestId('scope-note').textContent()).toMatch(/shut off/);
  });

  it('changes the CPU mode to host-model, then to a named model picked from the usable ones (migratable dropped)', async () => {
    // A KVM guest's host-passthrough carries migratable="on"; under TCG "maximum" may carry it too, and libvirt
    // refuses the attribute on any other mode: the edit used to keep it.
    await virshDefine((await inactiveXml(q35)).replace('<devices>', "<cpu mode='maximum' migratable='on'/><devices>"));
    await openHardware(q35);
    const shape = page.getByTestId('vcpu-shape-form');
    await shape.getByLabel('CPU mode', { exact: true }).selectOption('host-model');
    await shape.getByRole('button', { name: 'Save CPU settings' }).click();
    expect(await outcomeIn(shape)).toBe('Saved for next boot; the running guest is unchanged.');
    expect(await inactiveXml(q35)).toMatch(/<cpu mode='host-model'/);
    expect(await inactiveXml(q35)).not.toContain('migratable');
    expect(await page.getByTestId('vcpu-facts').textContent()).toContain('host-model');

    await shape.getByLabel('CPU mode', { exact: true }).selectOption('custom');
    const model = shape.getByLabel('CPU model', { exact: true });
    const groups = await model.locator('optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label')));
    expect(groups[0]).toBe('Usable on this host');
    const usable = await model.locator('optgroup').first().locator('option').allTextContents();
    expect(usable).toContain('qemu64');
    // What the host cannot run is listed after, and cannot be picked.
    if (groups.length > 1) expect(await model.locator('optgroup').nth(1).locator('option').first().isDisabled()).toBe(true);
    await model.selectOption('qemu64');
    await shape.getByRole('button', { name: 'Save CPU settings' }).click();
    expect(await outcomeIn(shape)).toBe('Saved for next boot; the running guest is unchanged.');
    expect(await inactiveXml(q35)).toMatch(/<cpu mode='custom' match='exact'[^>]*>\s*<model fallback='forbid'>qemu64<\/model>/);
    expect(await page.getByTestId('vcpu-facts').textContent()).toContain('named model qemu64');
    await screenshot(page, 'hardware-cpu-model');
  });

  it('shows how many devices can still be hot-added', async () => {
    await openHardware(q35);
    const slots = page.getByTestId('hotplug-slots');
    expect(await slots.textContent()).toMatch(/Room for hot-added disks and NICs: \d+ free of \d+ PCIe root ports\./);
    await openHardware(vm);
    expect(await page.getByTestId('hotplug-slots').textContent()).toMatch(/\d+ free of 31 PCI slots/);
  });

  it('refuses an IDE disk, a bus q35 lacks, with a clear message and changes nothing', async () => {
    await openHardware(q35);
    const before = await inactiveXml(q35);
    const disks = section('hw-disks');
    await disks.getByRole('button', { name: 'Add disk…' }).click();
    const dlg = page.getByRole('dialog', { name: 'Add disk' });
    await dlg.getByLabel('File path on the host', { exact: true }).check();
    await dlg.getByLabel('File path', { exact: true }).fill(`${poolDir}/media.iso`);
    await dlg.getByLabel('Bus', { exact: true }).selectOption('ide');
    // The form already warns; the server has the last word.
    expect(await dlg.getByText(/does not offer IDE/).count()).toBe(1);
    await dlg.getByRole('button', { name: 'Add disk' }).click();
    const msg = await refusalIn(dlg);
    expect(msg).toMatch(/IDE|ide/);
    expect(await dlg.getByLabel('Bus', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await inactiveXml(q35)).toBe(before);
    await screenshot(page, 'hardware-bus-refused');
    await dlg.getByRole('button', { name: 'Cancel' }).click();
  });

  it('changes the boot order, boot menu and on-crash action for next boot', async () => {
    await openHardware(q35);
    const form = page.getByTestId('boot-form');
    const [mac] = [...(await interfaces(q35, true)).keys()];
    await form.getByLabel('Boot from sda', { exact: true }).check();
    await form.getByLabel(`Boot from ${mac}`, { exact: true }).check();
    await form.getByRole('button', { name: `Move ${mac} up` }).click();
    await form.getByLabel('Show boot menu', { exact: true }).check();
    await form.getByLabel('On crash', { exact: true }).selectOption('restart');
    expect(await form.getByLabel('Live', { exact: true }).isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Save boot settings' }).click();
    expect(await outcomeIn(form)).toBe('Saved for next boot; the running guest is unchanged.');
    const xml = await inactiveXml(q35);
    expect(xml).toMatch(/<interface type='network'>(?:(?!<\/interface>)[\s\S])*<boot order='1'\/>/);
    expect(xml).toMatch(/<disk type='file' device='cdrom'>(?:(?!<\/disk>)[\s\S])*<boot order='2'\/>/);
    expect(xml).toContain("<bootmenu enable='yes'/>");
    expect(xml).toContain('<on_crash>restart</on_crash>');
    const items = await form
      .getByTestId('boot-order')
      .locator('li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-testid')));
    expect(items.slice(0, 2)).toEqual([`boot-item-${mac}`, 'boot-item-sda']);
  });

  it('sets up memory hotplug slots and adds a DIMM for next boot', async () => {
    await openHardware(q35);
    const max = page.getByTestId('memory-maximum-form');
    await max.getByLabel('Allow memory hotplug (DIMM slots)', { exact: true }).check();
    await max.getByLabel('Hotplug slots', { exact: true }).fill('2');
    await max.getByLabel('Hotplug ceiling (MiB)', { exact: true }).fill('512');
    await max.getByRole('button', { name: 'Save maximum' }).click();
    expect(await outcomeIn(max)).toBe('Saved for next boot; the running guest is unchanged.');
    expect(await inactiveXml(q35)).toContain("<maxMemory slots='2' unit='KiB'>524288</maxMemory>");
    const dimm = page.getByTestId('memory-dimm-form');
    await dimm.getByLabel('DIMM size (MiB)', { exact: true }).fill('128');
    await dimm.getByRole('button', { name: 'Add DIMM' }).click();
    expect(await outcomeIn(dimm)).toBe('Saved for next boot; the running guest is unchanged.');
    expect(await inactiveXml(q35)).toMatch(/<memory model='dimm'>\s*<target>\s*<size unit='KiB'>131072<\/size>/);
    expect(await page.getByTestId('memory-facts').textContent()).toContain('128 MiB');
  });

  it('lets a viewer look at the hardware but not change it', async () => {
    expect((await apiFromPage(page, '/api/users', 'POST', { username: 'hw-viewer', password: adminPassword, role: 'viewer' })).status).toBe(201);
    const viewerCtx = await newContext(browser, server.url);
    const viewer = await viewerCtx.newPage();
    await login(viewer, 'hw-viewer', adminPassword);
    await viewer.goto(`/vms/${vm}`);
    await viewer.getByRole('tab', { name: 'Hardware' }).click();
    await viewer.getByTestId('hardware-panel').waitFor();
    expect(await viewer.getByTestId('vcpu-live').textContent()).toBe('2 online');
    expect(await viewer.getByRole('button', { name: 'Add disk…' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Save current memory' }).count()).toBe(0);
    const before = await bothXml(vm);
    const refused = await apiFromPage(viewer, `/api/vms/${vm}/hardware/memory`, 'PUT', { live: true, persistent: false, currentMiB: 150 });
    expect(refused.status).toBe(403);
    expect(await bothXml(vm)).toEqual(before);
    await viewerCtx.close();
  });

  it('ran the whole journey without script errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });

  it('records the changes in the audit log', async () => {
    const { body } = await apiFromPage(page, `/api/audit?q=${encodeURIComponent(vm)}`);
    const seen = (body.entries as Array<{ action: string; outcome: string }>).map((r) => `${r.action}:${r.outcome}`);
    for (const a of [
      'vm.hardware.disk.add:ok',
      'vm.hardware.disk.remove:ok',
      'vm.hardware.nic.add:ok',
      'vm.hardware.memory:ok',
      'vm.hardware.vcpus:ok',
      'vm.hardware.cdrom.media:ok',
      'vm.hardware.boot:ok',
    ]) {
      expect(seen).toContain(a);
    }
  });
});
