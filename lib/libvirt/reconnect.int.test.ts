import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import net from 'node:net';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { XMLBuilder } from 'fast-xml-parser';
import { connect, ConnectionError, DomainEventType, LibvirtClient } from './index';
import { nextEvent, until } from './test-support/wait';
import { virsh } from '../../test/support/virsh';
import { testSocket } from '../../test/support/test-libvirtd';

// A second libvirtd on loopback TCP (scripts/libvirtd-tcp.sh, session mode) that these tests may kill, freeze
// and restart without touching the host's main daemon or its guests.
const run = promisify(execFile);
const script = fileURLToPath(new URL('../../scripts/libvirtd-tcp.sh', import.meta.url));
const port = process.env.VIREO_TCP_PORT ?? '16599';
const pidFile = '/run/vireo-test/libvirtd-tcp/libvirtd.pid';
const daemon = (cmd: 'start' | 'stop') => run('bash', [script, cmd], { timeout: 60_000 });
const daemonPid = async () => Number((await readFile(pidFile, 'utf8')).trim());
const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });

describe('TCP transport, daemon death and reconnection', () => {
  beforeAll(() => daemon('start'));
  afterAll(() => daemon('stop'));

  it('talks to real QEMU over qemu+tcp', async () => {
    const client = await connect(`qemu+tcp://127.0.0.1:${port}/session`);
    try {
      expect(await client.host.hypervisorVersion()).toBeGreaterThan(7_000_000);
      expect(await client.host.uri()).toBe('qemu:///session');
      expect(Array.isArray(await client.domains.listAll())).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('talks to qemu:///system over qemu+tcp through a loopback relay to the system socket', async () => {
    // The main daemon does not listen on TCP (no auth there would hand root to every local user), so a relay
    // carries the bytes: Vireo's TCP transport end to end against the real system driver.
    const relay = net.createServer((c) => {
      const up = net.connect(testSocket);
      c.pipe(up).pipe(c);
      c.on('error', () => up.destroy());
      up.on('error', () => c.destroy());
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
    const { port: relayPort } = relay.address() as net.AddressInfo;
    const client = await connect(`qemu+tcp://127.0.0.1:${relayPort}/system`);
    try {
      // The daemon names its own driver; which daemon it is, is the socket's business.
      // eslint-disable-next-line no-restricted-syntax
      expect(await client.host.uri()).toBe('qemu:///system');
      const names = (await client.domains.listAll()).map((d) => d.name).sort();
      expect(names).toEqual((await virsh(['list', '--all', '--name'])).split('\n').filter(Boolean).sort());
    } finally {
      await client.close();
      relay.close();
    }
  });

  it('fails every call in flight at once when libvirtd is killed, reconnects, and events resume', async () => {
    const client = new LibvirtClient(`test+tcp://127.0.0.1:${port}/default`, { backoffMinMs: 50, backoffMaxMs: 400 });
    const states: string[] = [];
    client.on('state', (s: string) => states.push(s));
    await client.open();
    try {
      client.events.on('domain-lifecycle', () => undefined);
      await client.events.ready();
      const dom = await client.domains.lookupByName('test');

      // Freeze the daemon first so the calls are certainly in flight (sent, unanswered) when it dies.
      const pid = await daemonPid();
      process.kill(pid, 'SIGSTOP');
      const inFlight = Array.from({ length: 500 }, () => client.domains.xml(dom));
      await new Promise((r) => setTimeout(r, 100));
      process.kill(pid, 'SIGKILL');
      const t0 = Date.now();
      const results = await Promise.allSettled(inFlight);
      expect(Date.now() - t0).toBeLessThan(5000); // nothing hangs
      for (const r of results) expect(r).toMatchObject({ status: 'rejected', reason: { name: 'ConnectionError', reason: 'interrupted' } });

      await until(() => client.state === 'reconnecting', 5000, 10);
      const offline = await client.host.hostname().catch((e: unknown) => e);
      expect(offline).toBeInstanceOf(ConnectionError);
      expect(offline).toMatchObject({ reason: 'not-connected' });

      await daemon('start');
      await client.waitOpen(AbortSignal.timeout(20_000));
      expect(states).toEqual(['connecting', 'open', 'reconnecting', 'open']);

      // Callbacks were registered again on the new connection.
      const defined = nextEvent(client, 'domain-lifecycle', (e) => e.dom.name === 'after-restart' && e.event === DomainEventType.DEFINED, 10_000);
      await client.domains.defineXml(xml.build({ domain: { '@_type': 'test', name: 'after-restart', memory: '8192', os: { type: 'hvm' } } }));
      await defined;
    } finally {
      await client.close();
    }
  });

  it('detects a frozen daemon through keepalive and recovers when it thaws', async () => {
    const client = new LibvirtClient(`test+tcp://127.0.0.1:${port}/default`, {
      keepaliveIntervalMs: 200,
      keepaliveCount: 3,
      backoffMinMs: 50,
      backoffMaxMs: 200,
    });
    await client.open();
    const pid = await daemonPid();
    try {
      const dropped = new Promise<ConnectionError>((resolve) => client.once('disconnect', resolve));
      process.kill(pid, 'SIGSTOP');
      const pending = client.host.hostname();
      const err = await dropped;
      expect(err.reason).toBe('keepalive-timeout');
      await expect(pending).rejects.toMatchObject({ name: 'ConnectionError' });
      process.kill(pid, 'SIGCONT');
      await client.waitOpen(AbortSignal.timeout(20_000));
      expect(await client.host.hostname()).toMatch(/\S/);
    } finally {
      process.kill(pid, 'SIGCONT');
      await client.close();
    }
  });

  it('keeps trying in the background when the daemon is not up yet (start before libvirtd)', async () => {
    await daemon('stop');
    const client = new LibvirtClient(`test+tcp://127.0.0.1:${port}/default`, { backoffMinMs: 50, backoffMaxMs: 300 });
    try {
      client.start();
      await until(() => client.state === 'reconnecting' && client.lastFailure !== null, 5000, 10);
      expect(client.lastFailure).toMatchObject({ name: 'ConnectionError', reason: 'dial-failed' });
      await daemon('start');
      await client.waitOpen(AbortSignal.timeout(20_000));
      expect(await client.host.hostname()).toMatch(/\S/);
    } finally {
      await client.close();
    }
  });

  it('reports an unreachable daemon as a typed dial failure', async () => {
    const err = await connect('test+tcp://127.0.0.1:1/default').catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ConnectionError', reason: 'dial-failed' });
  });
});
