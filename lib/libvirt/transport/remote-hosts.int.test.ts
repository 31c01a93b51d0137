import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { XMLBuilder } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientOptions, type ConnectionError, DomainEventType, type DomainRef, LibvirtClient, type PoolRef, type VolumeRef } from '../index';
import { ConsoleReader, nextEvent, until } from '../test-support/wait';
import { bootBanner, ensureFixtures, tcgGuestXml } from '../../../test/support/fixtures';
import { virsh } from '../../../test/support/virsh';
import { ensureTestHosts, remoteLibvirtd, sshKeys, sshUri, type TestHost, tlsClient, tlsUri, unixUri } from '../../../test/support/test-hosts';

// Everything Vireo does with a local libvirtd, done with a remote one: host h1 over SSH, host h2 over TLS (the
// namespaced hosts of scripts/test-hosts.sh). A TCG guest on the remote host, its console, lifecycle events,
// volume streams, the remote daemon killed, frozen and restarted. virsh on the host's own unix socket witnesses.
const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const write = (r: ConsoleReader, text: string) => (r.stream as unknown as NodeJS.WritableStream).write(text);

interface Transport {
  kind: 'ssh' | 'tls';
  host: () => TestHost;
  uri: (h: TestHost) => string;
  options: (h: TestHost) => ClientOptions;
}

let hosts: TestHost[] = [];
const transports: Transport[] = [
  {
    kind: 'ssh',
    host: () => hosts[0]!,
    uri: (h) => sshUri(h),
    options: (h) => ({ ssh: { privateKey: sshKeys().client, hostKey: { expected: h.hostKeyFingerprint } } }),
  },
  { kind: 'tls', host: () => hosts[1]!, uri: (h) => tlsUri(h), options: () => ({ tls: tlsClient() }) },
];

beforeAll(async () => {
  hosts = await ensureTestHosts();
  await ensureFixtures();
});

describe.each(transports)('a remote host over $kind', (t) => {
  const name = `vireo-remote-${t.kind}-${randomUUID().slice(0, 8)}`;
  const poolName = `vireo-remote-pool-${randomUUID().slice(0, 8)}`;
  let h: TestHost;
  let client: LibvirtClient;
  let dom: DomainRef;
  let consoleReader: ConsoleReader | undefined;
  const witness = (args: string[]) => virsh(args, { uri: unixUri(h) });

  beforeAll(async () => {
    h = t.host();
    const t0 = performance.now();
    client = new LibvirtClient(t.uri(h), { ...t.options(h), backoffMinMs: 50, backoffMaxMs: 300 });
    await client.open();
    console.log(`${t.kind}: connected to ${h.hostname} in ${(performance.now() - t0).toFixed(0)} ms`);
    client.events.on('domain-lifecycle', () => undefined);
    await client.events.ready();
  });

  afterAll(async () => {
    consoleReader?.stop();
    await remoteLibvirtd(h, 'thaw').catch(() => undefined);
    await remoteLibvirtd(h, 'start').catch(() => undefined);
    await witness(['destroy', name]).catch(() => undefined);
    await witness(['undefine', name]).catch(() => undefined);
    for (const cmd of ['pool-destroy', 'pool-delete', 'pool-undefine']) await witness([cmd, poolName]).catch(() => undefined);
    await client.close();
  });

  it('lists the same domains as the host’s own socket, and none of this machine’s', async () => {
    const ours = (await client.domains.listAll()).map((d) => d.name).sort();
    const seen = (await witness(['list', '--all', '--name'])).split('\n').filter(Boolean).sort();
    expect(ours).toEqual(seen);
    expect(await client.host.hostname()).toBe(h.hostname);
  });

  it('defines and starts a TCG guest there, with lifecycle events over the transport', async () => {
    const defined = nextEvent(client, 'domain-lifecycle', (e) => e.dom.name === name && e.event === DomainEventType.DEFINED);
    dom = await client.domains.defineXml(tcgGuestXml({ name, memoryMiB: 160 }));
    await defined;
    const started = nextEvent(client, 'domain-lifecycle', (e) => e.dom.name === name && e.event === DomainEventType.STARTED);
    dom = await client.domains.create(dom);
    await started;
    expect((await witness(['domstate', name])).trim()).toBe('running');
    await expect(virsh(['domstate', name])).rejects.toThrow(); // not on this machine's daemon
  });

  it('reads the guest console through the transport and types into it', async () => {
    consoleReader = new ConsoleReader(await client.domains.openConsole(dom));
    await consoleReader.waitFor(new RegExp(`${bootBanner} hostname=${name}`), 120_000);
    await until(() => consoleReader!.text.includes('vireo# '), 30_000);
    const from = consoleReader.text.length;
    write(consoleReader, 'echo $((6*7))\n');
    await consoleReader.waitFor(/\b42\b/, 20_000, from);
  });

  it('destroys it: the stopped event arrives, then undefines it', async () => {
    const stopped = nextEvent(client, 'domain-lifecycle', (e) => e.dom.name === name && e.event === DomainEventType.STOPPED);
    await client.domains.destroy(dom);
    await stopped;
    consoleReader?.stop();
    consoleReader = undefined;
    await client.domains.undefine(dom);
    expect((await witness(['list', '--all', '--name'])).split('\n')).not.toContain(name);
  });

  it('uploads and downloads a volume through streams; the bytes land on the remote host’s disk', async () => {
    const dir = `/var/lib/libvirt/images/${poolName}`; // inside the namespace: the host's own /var/lib/libvirt
    const pool: PoolRef = await client.pools.defineXml(xml.build({ pool: { '@_type': 'dir', name: poolName, target: { path: dir } } }));
    await client.pools.build(pool);
    await client.pools.create(pool);
    const size = 3 * 1024 * 1024 + 17;
    const vol: VolumeRef = await client.volumes.createXml(
      pool,
      xml.build({ volume: { name: 'data.raw', capacity: { '@_unit': 'bytes', '#text': String(size) }, target: { format: { '@_type': 'raw' } } } }),
    );
    const payload = randomBytes(size);
    const parts = Array.from({ length: Math.ceil(size / 65_536) }, (_, i) => payload.subarray(i * 65_536, (i + 1) * 65_536));
    await pipeline(Readable.from(parts), await client.volumes.upload(vol, 0, size));
    const downloaded = await buffer(await client.volumes.download(vol, 0, size));
    expect(sha(downloaded)).toBe(sha(payload));
    // The witness: the file in the host's /var/lib/libvirt, as seen from this machine.
    expect(sha(await readFile(`${h.dir}/lib/images/${poolName}/data.raw`))).toBe(sha(payload));
    await client.volumes.delete(vol);
    await client.pools.destroy(pool);
    await client.pools.delete(pool);
    await client.pools.undefine(pool);
  });

  it('the remote daemon killed: calls fail at once, the client reconnects when it is back, events resume', async () => {
    const states: string[] = [];
    client.on('state', (s: string) => states.push(s));
    const dropped = new Promise<ConnectionError>((resolve) => client.once('disconnect', resolve));
    await remoteLibvirtd(h, 'kill');
    expect((await dropped).reason).toBe('interrupted');
    await expect(client.host.hostname()).rejects.toMatchObject({ name: 'ConnectionError', reason: 'not-connected' });
    await until(() => client.lastFailure?.message !== undefined && client.state === 'reconnecting', 5000, 20);
    await remoteLibvirtd(h, 'start');
    await client.waitOpen(AbortSignal.timeout(30_000));
    expect(states.at(-1)).toBe('open');
    const again = `${name}-again`;
    const defined = nextEvent(client, 'domain-lifecycle', (e) => e.dom.name === again && e.event === DomainEventType.DEFINED, 15_000);
    const d = await client.domains.defineXml(tcgGuestXml({ name: again }));
    await defined;
    await client.domains.undefine(d);
  });

  it('the remote daemon frozen: keepalive declares the peer dead, and the client recovers when it thaws', async () => {
    const probe = new LibvirtClient(t.uri(h), { ...t.options(h), keepaliveIntervalMs: 300, keepaliveCount: 3, backoffMinMs: 50, backoffMaxMs: 300 });
    await probe.open();
    try {
      const dropped = new Promise<ConnectionError>((resolve) => probe.once('disconnect', resolve));
      const t0 = Date.now();
      await remoteLibvirtd(h, 'freeze');
      const pending = probe.host.hostname();
      const err = await dropped;
      expect(err.reason).toBe('keepalive-timeout');
      expect(Date.now() - t0).toBeLessThan(10_000);
      await expect(pending).rejects.toMatchObject({ name: 'ConnectionError' });
      await remoteLibvirtd(h, 'thaw');
      await probe.waitOpen(AbortSignal.timeout(30_000));
      expect(await probe.host.hostname()).toBe(h.hostname);
    } finally {
      await remoteLibvirtd(h, 'thaw');
      await probe.close();
    }
  });
});
