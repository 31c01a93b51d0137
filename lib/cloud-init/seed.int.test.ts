import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect, DomainCreateFlags, type DomainRef, type LibvirtClient, type PoolRef, type VolumeRef } from '@/lib/libvirt';
import { ConsoleReader } from '@/lib/libvirt/test-support/wait';
import { parseXml, serializeXml } from '@/lib/xml/parse';
import { buildPoolXml } from '@/lib/storage/pool-model';
import { parseVolumeXml } from '@/lib/storage/volume-model';
import { ensureFixtures, shellPrompt, tcgGuestXml } from '@/test/support/fixtures';
import { virsh, virshCleanupDomain } from '@/test/support/virsh';
import { buildSeedFiles } from './seed';
import { buildSeedIso, uploadSeed } from './seed-iso';
import { testSystemUri } from '@/test/support/test-libvirtd';

// A NoCloud seed built by Vireo, uploaded through libvirt's volume stream into a throw-away directory pool, read
// back, then attached as a CD-ROM to the TCG fixture guest, which mounts it and prints the files.

const tag = Math.random().toString(36).slice(2, 8);
const poolName = `vireo-it-seed-${tag}`;
const vmName = `vireo-it-seedvm-${tag}`;
// Not under a private mkdtemp dir: QEMU (as libvirt-qemu) must traverse the path; pool-build creates it 0711.
const poolDir = path.join(tmpdir(), `vireo-it-seed-${tag}`);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let client: LibvirtClient;
let pool: PoolRef;
let vol: VolumeRef;
let dom: DomainRef | null = null;
let reader: ConsoleReader | null = null;

const files = buildSeedFiles({
  hostname: 'seeded',
  instanceId: `iid-${tag}`,
  user: { name: 'alice', sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOq3 alice@laptop'], password: 'pw', sudo: true },
  packages: ['curl'],
  network: { address: '192.0.2.10/24', gateway: '192.0.2.1', dns: [] },
});

beforeAll(async () => {
  await ensureFixtures();
  client = await connect(testSystemUri);
  pool = await client.pools.defineXml(
    buildPoolXml({ name: poolName, type: 'dir', targetPath: poolDir, sourceDevice: null, sourceHost: null, sourceDir: null, sourceName: null }),
  );
  await client.pools.build(pool);
  await client.pools.create(pool);
});

afterAll(async () => {
  reader?.stop();
  await virshCleanupDomain(vmName).catch(() => undefined);
  for (const v of await client.volumes.list(pool).catch(() => [])) await client.volumes.delete(v).catch(() => undefined);
  await client.pools.destroy(pool).catch(() => undefined);
  await client.pools.delete(pool).catch(() => undefined);
  await client.pools.undefine(pool).catch(() => undefined);
  await rm(poolDir, { recursive: true, force: true });
  await client?.close();
});

/** The fixture domain with a virtio-scsi controller and the seed volume as a read-only CD-ROM on it. */
function guestWithSeed(): string {
  const doc = parseXml(tcgGuestXml({ name: vmName, memoryMiB: 160 }));
  const devices = doc.getElementsByTagName('devices')[0]!;
  const controller = doc.createElement('controller');
  controller.setAttribute('type', 'scsi');
  controller.setAttribute('model', 'virtio-scsi');
  devices.appendChild(controller);
  const disk = doc.createElement('disk');
  disk.setAttribute('type', 'volume');
  disk.setAttribute('device', 'cdrom');
  const add = (parent: typeof disk, name: string, attrs: Record<string, string>) => {
    const el = doc.createElement(name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    parent.appendChild(el);
  };
  add(disk, 'driver', { name: 'qemu', type: 'raw' });
  add(disk, 'source', { pool: poolName, volume: 'seed.iso' });
  add(disk, 'target', { dev: 'sda', bus: 'scsi' });
  add(disk, 'readonly', {});
  devices.appendChild(disk);
  return serializeXml(doc);
}

describe('cloud-init seed through libvirt', () => {
  it('uploads the seed ISO as a volume and downloads the same bytes (virsh as witness)', async () => {
    const iso = buildSeedIso(files);
    vol = await uploadSeed(client, poolName, 'seed.iso', files);
    const model = parseVolumeXml(await client.volumes.xml(vol));
    expect(model.capacity).toBe(iso.length);
    // The image carries the current time, so compare against what is in the pool, read two independent ways.
    const parts: Buffer[] = [];
    for await (const c of await client.volumes.download(vol)) parts.push(c as Buffer);
    const down = Buffer.concat(parts);
    const witness = path.join(poolDir, '..', `vireo-it-seed-${tag}.witness`);
    await virsh(['vol-download', '--pool', poolName, 'seed.iso', witness]);
    const viaVirsh = await readFile(witness);
    await rm(witness, { force: true });
    expect(down.length).toBe(iso.length);
    expect(sha256(down)).toBe(sha256(viaVirsh));
    // Same bytes as a fresh build except the timestamps: the volume descriptor sizes and file data match.
    expect(down.subarray(16 * 2048, 16 * 2048 + 40).equals(iso.subarray(16 * 2048, 16 * 2048 + 40))).toBe(true);
    expect(down.includes(Buffer.from(files['meta-data']))).toBe(true);
    await expect(uploadSeed(client, poolName, 'seed.iso', files)).rejects.toThrow(/already exists/);
    await expect(uploadSeed(client, poolName, '../seed.iso', files)).rejects.toThrow(/outside the pool/);
  });

  it('is a CD-ROM the guest mounts, with the exact lowercase names and contents', async () => {
    dom = await client.domains.defineXml(guestWithSeed());
    dom = await client.domains.create(dom, DomainCreateFlags.START_PAUSED);
    reader = new ConsoleReader(await client.domains.openConsole(dom));
    await client.domains.resume(dom);
    await reader.waitFor(new RegExp(`${shellPrompt}`), 90_000);
    const send = (s: string) => (reader!.stream as unknown as NodeJS.WritableStream).write(s);
    // Markers are typed split (SEED-LS-""DONE) so the terminal's echo of the command never matches them.
    let from = reader.text.length;
    send('mkdir -p /mnt/seed && mount -t iso9660 -o ro /dev/sr0 /mnt/seed && ls /mnt/seed && echo SEED-LS-""DONE\n');
    const ls = await reader.waitFor(/([\s\S]*)SEED-LS-DONE\r?\n/, 30_000, from);
    expect(ls[1]).toMatch(/meta-data/);
    expect(ls[1]).toMatch(/network-config/);
    expect(ls[1]).toMatch(/user-data/);
    from = reader.text.length;
    send('cat /mnt/seed/meta-data; echo SEED-CAT-""DONE\n');
    const cat = await reader.waitFor(/(instance-id: [^\r\n]+)\r?\n(local-hostname: [^\r\n]+)\r?\nSEED-CAT-DONE/, 30_000, from);
    expect(cat[1]).toBe(`instance-id: iid-${tag}`);
    expect(cat[2]).toBe('local-hostname: seeded');
    from = reader.text.length;
    send('head -n 1 /mnt/seed/user-data; grep -c hashed_passwd /mnt/seed/user-data; echo SEED-UD-""DONE\n');
    const ud = await reader.waitFor(/\n#cloud-config\r?\n1\r?\nSEED-UD-DONE/, 30_000, from);
    expect(ud[0]).toContain('#cloud-config');
  });
});
