// The remote test host's daemon calls itself by the host URI, so these tests name it so.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { connect, CredentialError, HostKeyError, type LibvirtClient, type SshCredentials } from '../index';
import { attemptConnect, connectTimes, describeTimes } from '../test-support/attempt';
import { ensureTestHosts, sshKeys, sshUri, testHostsDir, type TestHost } from '../../../test/support/test-hosts';
import { hostSystemUri } from '../../../test/support/test-libvirtd';

// qemu+ssh:// against the namespaced hosts of scripts/test-hosts.sh: host keys, keys, and the remote proxy.
let h1: TestHost;
let h2: TestHost;

beforeAll(async () => {
  [h1, h2] = (await ensureTestHosts()) as [TestHost, TestHost];
});

const creds = (over: Partial<SshCredentials> = {}): SshCredentials => ({
  privateKey: sshKeys().client,
  hostKey: { expected: h1.hostKeyFingerprint },
  readyTimeoutMs: 10_000,
  ...over,
});

const attempt = (uri: string, ssh: SshCredentials, body?: (c: LibvirtClient) => Promise<void>, readOnly = false) =>
  attemptConnect(uri, { ssh, readOnly }, body);

/** What sshd logged while `fn` ran (LogLevel VERBOSE: every authentication attempt is there). */
async function sshdLogDuring(h: TestHost, fn: () => Promise<unknown>): Promise<string> {
  const log = `${h.dir}/log/sshd.log`;
  const before = (await readFile(log, 'utf8')).length;
  await fn();
  await new Promise((r) => setTimeout(r, 200)); // sshd writes its last lines as the connection closes
  return (await readFile(log, 'utf8')).slice(before);
}

describe('SSH transport against a namespaced host', () => {
  it('connects with a pinned host key and reaches that host, not this one', async () => {
    const err = await attempt(sshUri(h1), creds(), async (c) => {
      expect(await c.host.hostname()).toBe(h1.hostname);
      expect(await c.host.uri()).toBe(hostSystemUri);
      expect(await c.remote.connectGetCapabilities()).toMatchObject({ capabilities: expect.stringContaining(`<uuid>${h1.hostUuid}</uuid>`) });
    });
    expect(err).toBeUndefined();
  });

  it('refuses a changed host key before sending anything: no user, no key, no command', async () => {
    let err: unknown;
    const log = await sshdLogDuring(h1, async () => (err = await attempt(sshUri(h1), creds({ hostKey: { expected: h2.hostKeyFingerprint } }))));
    expect(err).toBeInstanceOf(HostKeyError);
    expect(err).toMatchObject({ kind: 'changed', fingerprint: h1.hostKeyFingerprint, expected: h2.hostKeyFingerprint, reason: 'dial-failed' });
    expect((err as Error).message).toMatch(/host key of 10\.77\.1\.2:22 has changed/);
    expect(log).toMatch(/Connection from 10\.77\.1\.1/);
    expect(log).not.toMatch(/publickey|Accepted|Starting session|for root/);
  });

  it('trust on first use: offers the fingerprint ssh-keygen prints, and refuses when told to', async () => {
    const seen: string[] = [];
    const accepted = await attempt(sshUri(h2), creds({ hostKey: { onFirstContact: (fp) => (seen.push(fp), true) } }), async (c) => {
      expect(await c.host.hostname()).toBe(h2.hostname);
    });
    expect(accepted).toBeUndefined();
    expect(seen).toEqual([h2.hostKeyFingerprint]);
    const refused = await attempt(sshUri(h2), creds({ hostKey: { onFirstContact: async () => false } }));
    expect(refused).toMatchObject({ name: 'HostKeyError', kind: 'rejected', fingerprint: h2.hostKeyFingerprint });
  });

  it('an unpinned host key is refused unless the URI says no_verify=1 (which never overrides a pin)', async () => {
    expect(await attempt(sshUri(h1), creds({ hostKey: undefined }))).toMatchObject({ name: 'HostKeyError', kind: 'unknown' });
    expect(await attempt(sshUri(h1, '?no_verify=1'), creds({ hostKey: undefined }))).toBeUndefined();
    expect(await attempt(sshUri(h1, '?no_verify=1'), creds({ hostKey: { expected: h2.hostKeyFingerprint } }))).toMatchObject({ kind: 'changed' });
  });

  it('a key the host does not accept: a clear authentication failure', async () => {
    const err = await attempt(sshUri(h1), creds({ privateKey: sshKeys().rogue }));
    expect(err).toMatchObject({ name: 'ConnectionError', reason: 'dial-failed' });
    expect((err as Error).message).toMatch(/refused our key/);
  });

  it('reaches the daemon through netcat as well as virt-ssh-helper', async () => {
    for (const proxy of ['native', 'netcat', 'auto']) {
      expect(await attempt(sshUri(h1, `?proxy=${proxy}`), creds(), async (c) => expect(await c.host.hostname()).toBe(h1.hostname))).toBeUndefined();
    }
  });

  it('the remote proxy failing: its own words reach the caller', async () => {
    const err = await attempt(sshUri(h1, '?socket=/var/run/libvirt/no-such-sock'), creds());
    expect(err).toMatchObject({ name: 'ConnectionError' });
    expect((err as Error).message).toMatch(/exited with status 1: .*no-such-sock|No such file/);
  });

  it('read-only opens the read-only socket: reads work, changes are denied', async () => {
    const err = await attempt(
      sshUri(h1),
      creds(),
      async (c) => {
        expect(await c.host.hostname()).toBe(h1.hostname);
        await expect(c.domains.defineXml('<domain type="qemu"><name>ro</name><memory>8192</memory><os><type>hvm</type></os></domain>')).rejects.toMatchObject({
          codeName: 'ERR_OPERATION_DENIED',
        });
      },
      true,
    );
    expect(err).toBeUndefined();
  });

  it('reads keyfile= only when allowed', async () => {
    const uri = sshUri(h1, `?keyfile=${encodeURIComponent(`${testHostsDir}/client/id_ed25519`)}`);
    await expect(connect(uri, { ssh: { hostKey: { expected: h1.hostKeyFingerprint } } })).rejects.toThrow(CredentialError);
    expect(await attempt(uri, { allowKeyFile: true, hostKey: { expected: h1.hostKeyFingerprint } })).toBeUndefined();
  });
});

describe('SSH connect time', () => {
  it('connects five times in a row', async () => {
    console.log(describeTimes('ssh', await connectTimes(sshUri(h1), { ssh: creds() })));
  });
});
