import { afterEach, describe, expect, it } from 'vitest';
import { AbortError, ConnectionError, LibvirtError, ProtocolError, TimeoutError } from '../errors';
import type { XdrReader, XdrWriter } from '../xdr';
import { RpcConnection } from './connection';
import { MESSAGE_MAX } from './packet';
import { socketPair, type SocketPair } from '../test-support/fake-daemon';
import { PROGRAM_KEEPALIVE, PROGRAM_REMOTE, STATUS, TYPE, be32, cat, packet, str, type ParsedPacket } from '../test-support/bytes';

const encInt = (w: XdrWriter, v: number) => w.int(v);
const decStr = (r: XdrReader) => r.string(1000);
const PROC = 77;

let pair: SocketPair;
let conn: RpcConnection;
let warnings: Error[];

async function open(opts?: ConstructorParameters<typeof RpcConnection>[1]): Promise<void> {
  pair = await socketPair();
  conn = new RpcConnection(pair.client, opts);
  warnings = [];
  conn.on('protocol-warning', (e: Error) => warnings.push(e));
}

afterEach(async () => {
  conn?.close();
  await pair?.dispose();
});

function call(arg: number, opts?: Parameters<RpcConnection['call']>[4]): Promise<string> {
  return conn.call(PROC, arg, encInt, decStr, opts);
}

/** Makes one more round trip, which proves everything the daemon wrote before it has been handled. */
async function roundTrip(): Promise<void> {
  const p = call(999);
  p.catch(() => undefined); // if an expectation below fails, the close in afterEach must not be unhandled
  const c = await pair.daemon.next();
  pair.daemon.reply(c, str('ok'));
  await expect(p).resolves.toBe('ok');
}

function closeEvent(): Promise<ConnectionError> {
  return new Promise((resolve) => conn.once('close', resolve));
}

describe('RpcConnection calls', () => {
  it('sends a CALL packet that matches the hand-built layout', async () => {
    await open();
    const p = call(-3);
    const c = await pair.daemon.next();
    expect(c).toMatchObject({ prog: PROGRAM_REMOTE, vers: 1, proc: PROC, type: TYPE.CALL, status: STATUS.OK });
    expect(c.body).toEqual(be32(-3));
    pair.daemon.reply(c, str('done'));
    await expect(p).resolves.toBe('done');
    expect(conn.inFlight).toBe(0);
  });

  it('a call without arguments or reply body', async () => {
    await open();
    const p = conn.call(5, null, null, null);
    const c = await pair.daemon.next();
    expect(c.body.length).toBe(0);
    pair.daemon.reply(c);
    await expect(p).resolves.toBeUndefined();
  });

  it('pipelines many calls and matches replies answered out of order', async () => {
    await open();
    const n = 20;
    const calls = Array.from({ length: n }, (_, i) => call(i));
    expect(conn.inFlight).toBe(n);
    const received = await pair.daemon.nextN(n);
    expect(new Set(received.map((c) => c.serial)).size).toBe(n);
    const shuffled = [...received].sort((x, y) => ((x.serial * 7919) % 13) - ((y.serial * 7919) % 13) || y.serial - x.serial);
    // All replies in one write, so the client also parses several packets from one chunk.
    pair.daemon.write(cat(...shuffled.map((c) => packet({ proc: c.proc, type: TYPE.REPLY, serial: c.serial }, str(`answer ${c.body.readInt32BE(0)}`)))));
    expect(await Promise.all(calls)).toEqual(Array.from({ length: n }, (_, i) => `answer ${i}`));
    expect(conn.inFlight).toBe(0);
  });

  it('an error reply rejects with a LibvirtError carrying code, domain and message', async () => {
    await open();
    const p = call(1);
    pair.daemon.replyError(await pair.daemon.next(), 42, 10, "Domain not found: no domain with matching name 'ghost'");
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibvirtError);
    expect(err).toMatchObject({
      code: 42,
      domain: 10,
      codeName: 'ERR_NO_DOMAIN',
      domainName: 'QEMU',
      message: "Domain not found: no domain with matching name 'ghost'",
    });
    expect(conn.inFlight).toBe(0);
  });

  it('a reply that does not decode rejects that call with a ProtocolError and keeps the connection', async () => {
    await open();
    const p = call(1);
    pair.daemon.reply(await pair.daemon.next(), cat(str('ok'), be32(5))); // trailing word
    await expect(p).rejects.toBeInstanceOf(ProtocolError);
    await roundTrip();
  });

  it('an error reply whose body does not decode still settles the call (ProtocolError)', async () => {
    await open();
    const p = call(1).catch((e: unknown) => e);
    pair.daemon.write(packet({ proc: PROC, type: TYPE.REPLY, serial: (await pair.daemon.next()).serial, status: STATUS.ERROR }, be32(42)));
    const outcome = await Promise.race([p, new Promise((r) => setTimeout(() => r('still pending'), 300))]);
    expect(outcome).toBeInstanceOf(ProtocolError);
    await roundTrip();
  });

  it('a reply for an unknown serial is a warning; the connection survives', async () => {
    await open();
    const p = call(1);
    const c = await pair.daemon.next();
    pair.daemon.write(packet({ proc: PROC, type: TYPE.REPLY, serial: c.serial + 1000 }, str('stray')));
    pair.daemon.reply(c, str('mine'));
    await expect(p).resolves.toBe('mine');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBeInstanceOf(ProtocolError);
    expect(warnings[0]!.message).toMatch(/unknown serial/);
    expect(conn.closed).toBe(false);
    await roundTrip();
  });

  it('a packet for an unknown program is a warning; the connection survives', async () => {
    await open();
    pair.daemon.write(packet({ prog: 0x12345678, proc: 1, type: TYPE.MESSAGE, serial: 0 }));
    await roundTrip();
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/unknown program 0x12345678/)]);
  });

  it('an unexpected message type is a warning', async () => {
    await open();
    pair.daemon.write(packet({ proc: 1, type: TYPE.CALL, serial: 0 }));
    await roundTrip();
    expect(warnings).toHaveLength(1);
  });

  it('server-sent messages are emitted with their header and body', async () => {
    await open();
    const got = new Promise<[number, string]>((resolve) =>
      conn.once('message', (h: { procedure: number }, body: XdrReader) => resolve([h.procedure, body.string(100)])),
    );
    pair.daemon.write(packet({ proc: 107, type: TYPE.MESSAGE, serial: 0 }, str('event body')));
    expect(await got).toEqual([107, 'event body']);
  });
});

describe('RpcConnection failures', () => {
  it('a length over the cap closes the connection and fails every pending call at once', async () => {
    await open();
    const calls = [call(1), call(2), call(3)].map((p) => p.catch((e: unknown) => e));
    await pair.daemon.nextN(3);
    const closed = closeEvent();
    pair.daemon.write(cat(be32(MESSAGE_MAX + 5), Buffer.alloc(24)));
    const err = await closed;
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err.reason).toBe('protocol');
    for (const e of await Promise.all(calls)) expect(e).toBe(err);
    expect(conn.inFlight).toBe(0);
    expect(conn.closed).toBe(true);
  });

  it('the peer closing fails every pending call with ConnectionError("interrupted")', async () => {
    await open();
    const calls = [call(1), call(2)].map((p) => p.catch((e: unknown) => e));
    await pair.daemon.nextN(2);
    const closed = closeEvent();
    pair.daemon.socket.end();
    const err = await closed;
    expect(err.reason).toBe('interrupted');
    for (const e of await Promise.all(calls)) expect(e).toBe(err);
    expect(conn.inFlight).toBe(0);
  });

  it('calls after close reject immediately without writing', async () => {
    await open();
    conn.close();
    const err = await call(1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('closed');
    expect(conn.inFlight).toBe(0);
  });

  it('close() fails pending calls with reason "closed"', async () => {
    await open();
    const p = call(1).catch((e: unknown) => e);
    await pair.daemon.next();
    conn.close();
    expect(await p).toMatchObject({ name: 'ConnectionError', reason: 'closed' });
  });
});

describe('RpcConnection timeouts and aborts', () => {
  it('a call timeout rejects with TimeoutError and the late reply is dropped quietly', async () => {
    await open();
    const p = call(1, { timeoutMs: 20 });
    const c = await pair.daemon.next();
    await expect(p).rejects.toBeInstanceOf(TimeoutError);
    expect(conn.inFlight).toBe(0);
    pair.daemon.reply(c, str('too late'));
    await roundTrip();
    expect(warnings).toEqual([]);
  });

  it('the connection-wide timeout applies when the call sets none', async () => {
    await open({ callTimeoutMs: 20 });
    await expect(call(1)).rejects.toBeInstanceOf(TimeoutError);
  });

  it('an AbortSignal rejects with AbortError; the late reply is dropped quietly', async () => {
    await open();
    const ac = new AbortController();
    const p = call(1, { signal: ac.signal });
    const c = await pair.daemon.next();
    ac.abort();
    await expect(p).rejects.toBeInstanceOf(AbortError);
    expect(conn.inFlight).toBe(0);
    pair.daemon.replyError(c, 1, 0, 'late error');
    await roundTrip();
    expect(warnings).toEqual([]);
  });

  it('an already-aborted signal rejects without sending', async () => {
    await open();
    await expect(call(1, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    await roundTrip();
    expect(pair.daemon.unread).toBe(0);
  });

  it('a reply in time clears the timer (no later timeout)', async () => {
    await open();
    const p = call(1, { timeoutMs: 30 });
    pair.daemon.reply(await pair.daemon.next(), str('fast'));
    await expect(p).resolves.toBe('fast');
    await new Promise((r) => setTimeout(r, 40));
    expect(conn.closed).toBe(false);
  });
});

describe('RpcConnection keepalive', () => {
  const isKeepalive = (p: ParsedPacket, proc: number) =>
    p.prog === PROGRAM_KEEPALIVE && p.vers === 1 && p.proc === proc && p.type === TYPE.MESSAGE && p.status === STATUS.OK;

  it('answers a PING from the peer with a PONG', async () => {
    await open();
    pair.daemon.write(packet({ prog: PROGRAM_KEEPALIVE, proc: 1, type: TYPE.MESSAGE, serial: 0 }));
    const pong = await pair.daemon.next();
    expect(isKeepalive(pong, 2)).toBe(true);
    expect(pong.body.length).toBe(0);
    expect(warnings).toEqual([]);
  });

  it('ignores a PONG from the peer', async () => {
    await open();
    pair.daemon.write(packet({ prog: PROGRAM_KEEPALIVE, proc: 2, type: TYPE.MESSAGE, serial: 0 }));
    await roundTrip();
    expect(warnings).toEqual([]);
  });

  it('pings a silent peer, then closes with reason "keepalive-timeout"', async () => {
    await open();
    const p = call(1).catch((e: unknown) => e);
    await pair.daemon.next();
    const closed = closeEvent();
    conn.startKeepalive({ intervalMs: 20, count: 3 });
    const ping = await pair.daemon.next();
    expect(isKeepalive(ping, 1)).toBe(true);
    const err = await closed;
    expect(err.reason).toBe('keepalive-timeout');
    expect(await p).toBe(err);
    expect(conn.inFlight).toBe(0);
  });

  it('a peer that answers pings keeps the connection open', async () => {
    await open();
    // Generous count: a busy test machine must not turn a late pong into a false timeout.
    conn.startKeepalive({ intervalMs: 20, count: 10 });
    const deadline = Date.now() + 150;
    let pings = 0;
    while (Date.now() < deadline) {
      const ping = await pair.daemon.next(1000);
      expect(isKeepalive(ping, 1)).toBe(true);
      pings++;
      pair.daemon.write(packet({ prog: PROGRAM_KEEPALIVE, proc: 2, type: TYPE.MESSAGE, serial: 0 }));
    }
    expect(pings).toBeGreaterThan(1);
    expect(conn.closed).toBe(false);
  });
});
