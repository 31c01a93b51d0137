import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { allHosts, eachHost, forgetHost, hostById, reloadHost } from '@/lib/hosts';
import { probeHost } from '@/lib/hosts/probe';
import { createHost, deleteHost, hostRow, updateHost } from '@/lib/hosts/store';
import { ensureTestHosts, sshKeys, sshUri, type TestHost, tlsClient, tlsUri } from '@/test/support/test-hosts';
import { withTestDatabase } from '@/test/support/with-test-database';

// Hosts stored in the database and served by the registry, over the namespaced test hosts: h1 over SSH (its host
// key trusted at first contact, then pinned; a changed key refused), h2 over TLS. Key material is encrypted at rest.

const database = withTestDatabase();
let h1: TestHost;
let h2: TestHost;

beforeAll(async () => {
  [h1, h2] = (await ensureTestHosts()) as [TestHost, TestHost];
});

afterAll(async () => {
  for (const h of await allHosts()) await h.close();
});

/** Every byte of the SQLite database and its journals, as text. */
const databaseBytes = () =>
  readdirSync(database.dir)
    .filter((f) => f.startsWith('vireo.db'))
    .map((f) => readFileSync(path.join(database.dir, f)).toString('latin1'))
    .join('');
/** The base64 body of a PEM or OpenSSH key: what a leak would show. */
const keyBody = (pem: string | Buffer) =>
  String(pem)
    .split('\n')
    .filter((l) => l && !l.startsWith('-----'))
    .slice(0, 2)
    .join('');

describe('hosts in the database', () => {
  it('adds the local host at first start', async () => {
    const all = await allHosts();
    expect(all.map((h) => h.id)).toEqual(['local']);
    expect((await hostRow('local')).name).toBe('This host');
  });

  it('an SSH host: trusts its key at first contact, pins it, reports hostname and version; the key is encrypted at rest', async () => {
    await createHost({ id: 'h1', name: 'H1', uri: sshUri(h1), ssh: { source: 'upload', privateKey: String(sshKeys().client) } });
    expect((await hostRow('h1')).sshHostKey).toBeNull();
    const host = await hostById('h1');
    const probe = await probeHost(host);
    expect(probe).toMatchObject({ ok: true, hostname: h1.hostname, problem: null });
    expect(probe.libvirtVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await hostRow('h1')).sshHostKey).toBe(h1.hostKeyFingerprint);
    // The shared connection works too, and lists h1's domains, not this machine's.
    expect(await (await host.libvirt(20_000)).host.hostname()).toBe(h1.hostname);
    await db().$executeRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    const bytes = databaseBytes();
    expect(bytes).toContain('v1:');
    expect(bytes).not.toContain(keyBody(sshKeys().client));
    expect(bytes).not.toContain('PRIVATE KEY');
  });

  it('refuses a host whose SSH key changed, with a plain message, and trusts again only once told to forget', async () => {
    // Pretend h1 was pinned with another key (h2's): the real key of h1 is now a "changed" key.
    await updateHost('h1', { hostKey: h2.hostKeyFingerprint });
    const changed = await reloadHost('h1');
    const probe = await probeHost(changed);
    expect(probe.ok).toBe(false);
    expect(probe.problem).toMatch(/host key of .* has changed/);
    expect(probe.problem).toContain(h1.hostKeyFingerprint);
    await expect(changed.libvirt(5000)).rejects.toThrow(/has changed/);
    expect(changed.status()).toMatchObject({ host: 'h1', problem: expect.stringMatching(/has changed/) });
    expect((await hostRow('h1')).sshHostKey).toBe(h2.hostKeyFingerprint);

    await updateHost('h1', { forgetHostKey: true });
    expect((await probeHost(await reloadHost('h1'))).ok).toBe(true);
    expect((await hostRow('h1')).sshHostKey).toBe(h1.hostKeyFingerprint);
  });

  it('a TLS host: CA, client certificate and key; the key is encrypted at rest', async () => {
    const tls = tlsClient();
    await createHost({ id: 'h2', name: 'H2', uri: tlsUri(h2), tls: { ca: String(tls.ca), cert: String(tls.cert), key: String(tls.key) } });
    const probe = await probeHost(await hostById('h2'));
    expect(probe).toMatchObject({ ok: true, hostname: h2.hostname });
    await db().$executeRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(databaseBytes()).not.toContain(keyBody(tls.key));
  });

  it('a generated key pair: the public half to copy; the host refuses it until it is installed', async () => {
    const row = await createHost({ id: 'h1-new-key', name: 'H1 with a new key', uri: sshUri(h1), ssh: { source: 'generate' } });
    expect(row.sshPublicKey).toMatch(/^ssh-ed25519 AAAA\S+ vireo@h1-new-key$/);
    const probe = await probeHost(await hostById('h1-new-key'));
    expect(probe.ok).toBe(false);
    expect(probe.problem).toMatch(/refused Vireo's SSH key/);
  });

  it('refuses what cannot work, and removing a host closes it', async () => {
    await expect(createHost({ id: 'h1', name: 'again', uri: sshUri(h1), ssh: { source: 'generate' } })).rejects.toThrow(/already a host "h1"/);
    await expect(createHost({ name: 'no key', uri: sshUri(h1) })).rejects.toMatchObject({ fields: { ssh: expect.any(String) } });
    await expect(createHost({ name: 'no ca', uri: tlsUri(h2) })).rejects.toMatchObject({ fields: { 'tls.ca': expect.any(String) } });
    await expect(deleteHost('local')).rejects.toThrow(/cannot be removed/);
    const before = await hostById('h1-new-key');
    await deleteHost('h1-new-key');
    await forgetHost('h1-new-key');
    await expect(hostById('h1-new-key')).rejects.toThrow(/no host "h1-new-key"/);
    expect(before.status()).toMatchObject({ state: 'closed', problem: expect.stringMatching(/removed from Vireo/) });
    await expect(before.libvirt()).rejects.toThrow(/removed from Vireo/);
  });

  it('per-host services start on every host and on each host added later, and stop when it is rebuilt or removed', async () => {
    const started: string[] = [];
    const stopped: string[] = [];
    await eachHost((h) => {
      started.push(h.id);
      return () => stopped.push(h.id);
    });
    expect([...started].sort()).toEqual((await allHosts()).map((h) => h.id).sort());
    await createHost({ id: 'h3', name: 'H3', uri: sshUri(h1), ssh: { source: 'generate' } });
    await reloadHost('h3');
    expect(started.filter((id) => id === 'h3')).toHaveLength(1);
    await updateHost('h3', { name: 'H3 renamed' });
    await reloadHost('h3');
    expect(stopped).toEqual(['h3']);
    expect(started.filter((id) => id === 'h3')).toHaveLength(2);
    await deleteHost('h3');
    await forgetHost('h3');
    expect(stopped).toEqual(['h3', 'h3']);
  });
});
