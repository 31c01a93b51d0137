import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { XMLBuilder } from 'fast-xml-parser';
import { connect, ConnectionError, DomainEventType, LibvirtClient } from './index';
import { nextEvent, until } from './test-support/wait';

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

  it('fails every call in flight at once when libvirtd is killed, reconnects, and events resume', async () => {
    const client = new LibvirtClient(`test+tcp://127.0.0.1:${port}/default`, { backoffMinMs: 50, backoffMaxMs: 400 });
    const states: string[] = [];
    client.on('state', (s) => states.push(s));
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
      await client.domains.defineXml(xml.build({ domain: { '@_type': 'test', name: 'after-restart', memory: '8192', os: { type: 'hvm' } } }) as string);
      await defined;
    } finally {
      await client.close();
    }
  });

  it('detects a frozen daemon through keepalive and recovers when it thaws', async () => {
    const client = new LibvirtClient(`test+tcp://127.0.0.1:${port}/default`, {
      keepaliveIntervalMs: 200, keepaliveCount: 3, backoffMinMs: 50, backoffMaxMs: 200,
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

  it('reports an unreachable daemon as a typed dial failure', async () => {
    const err = await connect('test+tcp://127.0.0.1:1/default').catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ConnectionError', reason: 'dial-failed' });
  });
});
