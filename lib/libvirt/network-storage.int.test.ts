import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { XMLBuilder } from 'fast-xml-parser';
import { virsh } from '../../test/support/virsh';
import {
  connect,
  NetworkEventLifecycleType,
  NetworkUpdateCommand,
  NetworkUpdateFlags,
  NetworkUpdateSection,
  StoragePoolEventLifecycleType,
  StoragePoolState,
  type LibvirtClient,
  type NetworkRef,
  type PoolRef,
  type VolumeRef,
} from './index';
import { nextEvent } from './test-support/wait';
import { testSystemUri } from '@/test/support/test-libvirtd';

const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });
const tag = randomUUID().slice(0, 6);
const netName = `vireo-it-net-${tag}`;
const poolName = `vireo-it-pool-${tag}`;
const MiB = 1024 * 1024;

describe('networks on the test daemon (qemu:///system)', () => {
  let client: LibvirtClient;
  let net: NetworkRef;
  beforeAll(async () => {
    client = await connect(testSystemUri);
    client.events.on('network-lifecycle', () => undefined);
    await client.events.ready();
  });
  afterAll(async () => {
    await virsh(['net-destroy', netName]).catch(() => undefined);
    await virsh(['net-undefine', netName]).catch(() => undefined);
    await client.close();
  });

  it('defines and starts an isolated network with DHCP, witnessed by virsh', async () => {
    // Isolated (no <forward>): nothing leaves the host.
    const netXml = xml.build({
      network: {
        name: netName,
        bridge: { '@_stp': 'on', '@_delay': '0' },
        ip: {
          '@_address': '10.251.77.1',
          '@_netmask': '255.255.255.0',
          dhcp: { range: { '@_start': '10.251.77.100', '@_end': '10.251.77.150' } },
        },
      },
    });
    const defined = nextEvent(client, 'network-lifecycle', (e) => e.net.name === netName && e.event === NetworkEventLifecycleType.DEFINED);
    net = await client.networks.defineXml(netXml);
    await defined;
    const started = nextEvent(client, 'network-lifecycle', (e) => e.net.name === netName && e.event === NetworkEventLifecycleType.STARTED);
    await client.networks.create(net);
    await started;
    expect(await client.networks.isActive(net)).toBe(true);
    expect(await virsh(['net-info', netName])).toMatch(/Active:\s+yes/);
    await client.networks.setAutostart(net, true);
    expect(await client.networks.autostart(net)).toBe(true);
    expect((await client.networks.listAll()).map((n) => n.name)).toContain(netName);
  });

  it('adds a static DHCP host live and persistently', async () => {
    const host = xml.build({ host: { '@_mac': '52:54:00:77:00:01', '@_name': 'static1', '@_ip': '10.251.77.10' } });
    await client.networks.update(net, {
      command: NetworkUpdateCommand.ADD_LAST,
      section: NetworkUpdateSection.IP_DHCP_HOST,
      xml: host,
      flags: NetworkUpdateFlags.LIVE | NetworkUpdateFlags.CONFIG,
    });
    expect(await virsh(['net-dumpxml', netName])).toContain("ip='10.251.77.10'");
    expect(await virsh(['net-dumpxml', '--inactive', netName])).toContain("ip='10.251.77.10'");
    expect(await client.networks.dhcpLeases(net)).toEqual([]);
  });

  it('stops and undefines it', async () => {
    await client.networks.destroy(net);
    expect(await client.networks.isActive(net)).toBe(false);
    const gone = nextEvent(client, 'network-lifecycle', (e) => e.net.name === netName && e.event === NetworkEventLifecycleType.UNDEFINED);
    await client.networks.undefine(net);
    await gone;
    await expect(client.networks.lookupByName(netName)).rejects.toMatchObject({ codeName: 'ERR_NO_NETWORK' });
  });
});

describe('storage pools and volumes on the test daemon (qemu:///system)', () => {
  let client: LibvirtClient;
  let dir: string;
  let pool: PoolRef;
  let raw: VolumeRef;
  const payload = randomBytes(3 * MiB + 12345); // not a multiple of any packet size
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  beforeAll(async () => {
    client = await connect(testSystemUri);
    client.events.on('pool-lifecycle', () => undefined);
    await client.events.ready();
    dir = await mkdtemp('/tmp/vireo-it-pool-');
    await rm(dir, { recursive: true }); // pool-build creates it
  });
  afterAll(async () => {
    await virsh(['pool-destroy', poolName]).catch(() => undefined);
    await virsh(['pool-delete', poolName]).catch(() => undefined);
    await virsh(['pool-undefine', poolName]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    await client.close();
  });

  it('defines, builds and starts a directory pool', async () => {
    const defined = nextEvent(client, 'pool-lifecycle', (e) => e.pool.name === poolName && e.event === StoragePoolEventLifecycleType.DEFINED);
    pool = await client.pools.defineXml(xml.build({ pool: { '@_type': 'dir', name: poolName, target: { path: dir } } }));
    await defined;
    await client.pools.build(pool);
    const started = nextEvent(client, 'pool-lifecycle', (e) => e.pool.name === poolName && e.event === StoragePoolEventLifecycleType.STARTED);
    await client.pools.create(pool);
    await started;
    const info = await client.pools.info(pool);
    expect(info.state).toBe(StoragePoolState.RUNNING);
    expect(info.capacity).toBeGreaterThan(0);
    expect(await client.pools.xml(pool)).toContain(`<path>${dir}</path>`);
    expect(await virsh(['pool-info', poolName])).toMatch(/State:\s+running/);
  });

  it('creates raw and qcow2 volumes, reads their info and resizes', async () => {
    raw = await client.volumes.createXml(
      pool,
      xml.build({
        volume: { name: 'data.raw', capacity: { '@_unit': 'bytes', '#text': String(4 * MiB) }, target: { format: { '@_type': 'raw' } } },
      }),
    );
    const qcow = await client.volumes.createXml(
      pool,
      xml.build({
        volume: { name: 'disk.qcow2', capacity: { '@_unit': 'bytes', '#text': String(8 * MiB) }, target: { format: { '@_type': 'qcow2' } } },
      }),
    );
    expect(raw.key).toBe(`${dir}/data.raw`);
    expect((await client.volumes.info(raw)).capacity).toBe(4 * MiB);
    await client.volumes.resize(qcow, 16 * MiB);
    expect((await client.volumes.info(qcow)).capacity).toBe(16 * MiB);
    expect(await virsh(['vol-info', '--pool', poolName, 'disk.qcow2', '--bytes'])).toMatch(/Capacity:\s+16777216 bytes/);
    expect(await client.volumes.xml(qcow)).toContain("<format type='qcow2'/>");
    await client.pools.refresh(pool);
    expect((await client.volumes.list(pool)).map((v) => v.name).sort()).toEqual(['data.raw', 'disk.qcow2']);
    expect(await client.volumes.lookupByPath(`${dir}/disk.qcow2`)).toMatchObject({ name: 'disk.qcow2', pool: poolName });
  });

  it('uploads a file through the volume stream and downloads the same bytes', async () => {
    const up = await client.volumes.upload(raw, 0, payload.length);
    await pipeline(Readable.from(chunks(payload, 100_000)), up);
    const down = await client.volumes.download(raw, 0, payload.length);
    expect(sha(await buffer(down))).toBe(sha(payload));
    // The witness: the volume's file on disk holds the same bytes.
    const witnessFile = `${dir}.witness`;
    await virsh(['vol-download', '--pool', poolName, 'data.raw', witnessFile, '--length', String(payload.length)]);
    expect(sha(await readFile(witnessFile))).toBe(sha(payload));
    await rm(witnessFile);
  });

  it('clones a volume from another and wipes it', async () => {
    const clone = await client.volumes.createXmlFrom(
      pool,
      xml.build({
        volume: { name: 'clone.raw', capacity: { '@_unit': 'bytes', '#text': String(4 * MiB) }, target: { format: { '@_type': 'raw' } } },
      }),
      raw,
    );
    const read = async (v: VolumeRef) => {
      const parts: Buffer[] = [];
      for await (const c of await client.volumes.download(v, 0, payload.length)) parts.push(c as Buffer);
      return Buffer.concat(parts);
    };
    expect(sha(await read(clone))).toBe(sha(payload));
    await client.volumes.wipe(clone);
    expect((await read(clone)).every((b) => b === 0)).toBe(true);
    await client.volumes.delete(clone);
    await expect(client.volumes.lookupByName(pool, 'clone.raw')).rejects.toMatchObject({ codeName: 'ERR_NO_STORAGE_VOL' });
  });

  it('stops, deletes and undefines the pool', async () => {
    for (const v of await client.volumes.list(pool)) await client.volumes.delete(v);
    await client.pools.destroy(pool);
    expect(await client.pools.isActive(pool)).toBe(false);
    await client.pools.delete(pool);
    const gone = nextEvent(client, 'pool-lifecycle', (e) => e.pool.name === poolName && e.event === StoragePoolEventLifecycleType.UNDEFINED);
    await client.pools.undefine(pool);
    await gone;
    expect(await virsh(['pool-list', '--all', '--name'])).not.toContain(poolName);
  });
});

function* chunks(b: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}
