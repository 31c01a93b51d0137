import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, CredentialError, type LibvirtClient, type TlsCredentials } from '../index';
import { attemptConnect, connectTimes, describeTimes } from '../test-support/attempt';
import { parseUri } from './uri';
import { TlsDialer } from './tls-dialer';
import { ensureTestHosts, type TestHost, testHostsDir, tlsClient, tlsIntruder, tlsRogue, tlsServer, tlsUri } from '../../../test/support/test-hosts';

// qemu+tls:// against the namespaced hosts' libvirtd TLS listeners, and against fake servers that complete the
// handshake with a real certificate but then do not behave like libvirtd.
let h1: TestHost;
let h2: TestHost;

beforeAll(async () => {
  [h1, h2] = (await ensureTestHosts()) as [TestHost, TestHost];
});

const attempt = (uri: string, tls: TlsCredentials, body?: (c: LibvirtClient) => Promise<void>) =>
  attemptConnect(uri, { tls: { handshakeTimeoutMs: 10_000, ...tls } }, body);

describe('TLS transport against a namespaced host', () => {
  it('connects by address, the certificate checked against its IP entry, and reaches that host', async () => {
    const err = await attempt(tlsUri(h2), tlsClient(), async (c) => {
      expect(await c.host.hostname()).toBe(h2.hostname);
      expect(await c.remote.connectGetCapabilities()).toMatchObject({ capabilities: expect.stringContaining(`<uuid>${h2.hostUuid}</uuid>`) });
    });
    expect(err).toBeUndefined();
  });

  it('answers calls made at once without waiting for other traffic (each call its own TLS record)', async () => {
    // No keepalive to wake the daemon: a call it left unread would wait for its timeout and fail.
    const err = await attemptConnect(tlsUri(h1), { tls: tlsClient(), keepaliveIntervalMs: 600_000, callTimeoutMs: 3000 }, async (c) => {
      for (let round = 0; round < 3; round++) {
        const names = await Promise.all(Array.from({ length: 8 }, () => c.host.hostname()));
        expect(names).toEqual(Array(8).fill(h1.hostname));
      }
    });
    expect(err).toBeUndefined();
  });

  it('checks the name given instead of the address when asked, and refuses another host’s name', async () => {
    expect(await attempt(tlsUri(h2), { ...tlsClient(), servername: h2.hostname })).toBeUndefined();
    const err = await attempt(tlsUri(h2), { ...tlsClient(), servername: h1.hostname });
    expect(err).toMatchObject({ name: 'ConnectionError', reason: 'dial-failed' });
    expect((err as Error).message).toMatch(new RegExp(`certificate of tls ${h2.address}:16514 is not for ${h1.hostname}`));
  });

  it('refuses a server whose certificate the given CA did not sign', async () => {
    const err = await attempt(tlsUri(h1), { ...tlsClient(), ca: tlsRogue().ca });
    expect((err as Error).message).toMatch(/could not be verified with the given CA/);
    // no_verify=1 skips that check (libvirt's meaning), but the daemon still wants a client certificate it trusts.
    expect(await attempt(tlsUri(h1, '?no_verify=1'), { ...tlsClient(), ca: tlsRogue().ca })).toBeUndefined();
  });

  it('a client certificate from another CA is refused by the daemon', async () => {
    const err = await attempt(tlsUri(h1), { ...tlsRogue(), ca: tlsClient().ca });
    expect(err).toMatchObject({ name: 'ConnectionError', reason: 'dial-failed' });
    expect((err as Error).message).toMatch(/refused the TLS handshake|closed the connection after the TLS handshake/);
  });

  it('a client certificate of the right CA but not in tls_allowed_dn_list: closed without the acceptance byte', async () => {
    const err = await attempt(tlsUri(h1), { ...tlsIntruder(), ca: tlsClient().ca });
    expect(err).toMatchObject({ name: 'ConnectionError', reason: 'dial-failed' });
    expect((err as Error).message).toMatch(/closed the connection after the TLS handshake instead of accepting it/);
  });

  it('no client certificate at all is refused', async () => {
    const err = await attempt(tlsUri(h1), { ca: tlsClient().ca });
    expect(err).toMatchObject({ name: 'ConnectionError', reason: 'dial-failed' });
  });

  it('reads pkipath= only when allowed', async () => {
    const uri = tlsUri(h1, `?pkipath=${encodeURIComponent(`${testHostsDir}/client`)}`);
    await expect(connect(uri, {})).rejects.toThrow(CredentialError);
    expect(await attempt(uri, { allowPkiPath: true })).toBeUndefined();
  });

  it('a closed port is a dial failure that says so', async () => {
    const err = await attempt(`qemu+tls://${h1.address}:16515/system`, tlsClient());
    expect((err as Error).message).toMatch(/refused the connection/);
  });
});

describe('TLS servers that are not libvirtd', () => {
  // A fake server on loopback presenting h1's real certificate; the client checks it against h1's DNS name.
  let server: tls.Server;
  let behaviour: (s: tls.TLSSocket) => void = () => undefined;
  let port = 0;

  beforeAll(async () => {
    server = tls.createServer({ ...tlsServer(h1), ca: tlsClient().ca, requestCert: true, rejectUnauthorized: true }, (s) => {
      s.on('error', () => undefined);
      behaviour(s);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  const dial = (timeoutMs = 10_000) =>
    new TlsDialer(parseUri(`qemu+tls://127.0.0.1:${port}/system`), { ...tlsClient(), servername: h1.hostname, handshakeTimeoutMs: timeoutMs }).dial();

  it('accepted: one byte 1, and what follows in the same record stays for the RPC layer', async () => {
    behaviour = (s) => s.write(Buffer.from([1, 0x41, 0x42, 0x43]));
    const sock = await dial();
    const rest = await new Promise<Buffer>((resolve) => sock.once('data', resolve));
    expect(rest.toString()).toBe('ABC');
    sock.destroy();
  });

  it('a server that sends another byte is not libvirtd', async () => {
    behaviour = (s) => s.write(Buffer.from([0]));
    await expect(dial()).rejects.toMatchObject({ name: 'ConnectionError', reason: 'protocol', message: expect.stringMatching(/sent 0x00 where libvirtd/) });
  });

  it('a server that closes after the handshake has refused us', async () => {
    behaviour = (s) => s.end();
    await expect(dial()).rejects.toMatchObject({ reason: 'dial-failed', message: expect.stringMatching(/closed the connection after the TLS handshake/) });
  });

  it('a server that never sends the byte: the dial times out instead of hanging', async () => {
    behaviour = () => undefined;
    const t = Date.now();
    await expect(dial(500)).rejects.toMatchObject({ reason: 'dial-failed', message: expect.stringMatching(/did not complete the TLS handshake in time/) });
    expect(Date.now() - t).toBeLessThan(3000);
  });
});

describe('TLS connect time', () => {
  it('connects five times in a row', async () => {
    console.log(describeTimes('tls', await connectTimes(tlsUri(h2), { tls: tlsClient() })));
  });
});
