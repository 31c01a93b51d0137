import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError, LibvirtError } from '../errors';
import { RpcConnection } from '../rpc/connection';
import type { RpcStream, StreamMode } from './rpc-stream';
import { socketPair, type SocketPair } from '../test-support/fake-daemon';
import { STATUS, TYPE, cat, packet, remoteErrorBody, type ParsedPacket } from '../test-support/bytes';

const PROC = 209; // any procedure number: the fake daemon does not care
const CHUNK_MAX = 262120;

let pair: SocketPair;
let conn: RpcConnection;
let warnings: Error[];

afterEach(async () => {
  conn?.close();
  await pair?.dispose();
});

/** Opens a stream call; `behind` is written in the same chunk as the reply (libvirtd may do that). */
async function openStream(mode: StreamMode, behind: (call: ParsedPacket) => Buffer[] = () => []): Promise<{ stream: RpcStream; call: ParsedPacket }> {
  pair = await socketPair();
  conn = new RpcConnection(pair.client);
  warnings = [];
  conn.on('protocol-warning', (e: Error) => warnings.push(e));
  const p = conn.callStream(PROC, 5, (w, v: number) => w.int(v), null, mode);
  const call = await pair.daemon.next();
  expect(call).toMatchObject({ proc: PROC, type: TYPE.CALL });
  pair.daemon.write(cat(packet({ proc: PROC, type: TYPE.REPLY, serial: call.serial }), ...behind(call)));
  const { stream } = await p;
  expect(stream.serial).toBe(call.serial);
  return { stream, call };
}

const isStreamPacket = (p: ParsedPacket, call: ParsedPacket, status: number) =>
  p.proc === call.proc && p.serial === call.serial && p.type === TYPE.STREAM && p.status === status;

/** Proves the daemon has seen everything the client wrote so far: a plain call behind it comes next. */
async function nothingElseSent(): Promise<void> {
  const p = conn.call(1, null, null, null);
  p.catch(() => undefined); // if an expectation below fails, the close in afterEach must not be unhandled
  const next = await pair.daemon.next();
  expect(next).toMatchObject({ proc: 1, type: TYPE.CALL });
  pair.daemon.reply(next);
  await p;
}

function collect(stream: RpcStream): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    stream.on('end', () => resolve(chunks));
    stream.on('error', reject);
  });
}

describe('RpcStream reading', () => {
  it('yields data packets in order, ends on status OK, then finishes and waits for the confirmation', async () => {
    const parts = ['hello ', 'stream ', 'world'];
    const { stream, call } = await openStream('read', (c) => [
      ...parts.map((s) => pair.daemon.streamPacket(c, STATUS.CONTINUE, Buffer.from(s))),
      pair.daemon.streamPacket(c, STATUS.OK),
    ]);
    const chunks = await collect(stream);
    expect(chunks.map(String)).toEqual(parts);
    const finish = await pair.daemon.next();
    expect(isStreamPacket(finish, call, STATUS.OK)).toBe(true);
    expect(finish.body.length).toBe(0);
    pair.daemon.write(pair.daemon.streamPacket(call, STATUS.OK)); // confirmation
    await nothingElseSent(); // in particular no abort after the finish
    expect(stream.destroyed).toBe(true);
    expect(warnings).toEqual([]);
    expect(conn.inFlight).toBe(0);
  });

  it('an empty CONTINUE packet also ends the data', async () => {
    const { stream, call } = await openStream('read', (c) => [
      pair.daemon.streamPacket(c, STATUS.CONTINUE, Buffer.from('last words')),
      pair.daemon.streamPacket(c, STATUS.CONTINUE),
    ]);
    expect((await collect(stream)).map(String)).toEqual(['last words']);
    expect(isStreamPacket(await pair.daemon.next(), call, STATUS.OK)).toBe(true);
    pair.daemon.write(pair.daemon.streamPacket(call, STATUS.OK));
    await nothingElseSent();
    expect(warnings).toEqual([]);
  });

  it('a stream error from the daemon destroys the stream with a LibvirtError', async () => {
    const { stream, call } = await openStream('read');
    const failed = new Promise<Error>((resolve) => stream.once('error', resolve));
    pair.daemon.write(packet({ proc: PROC, type: TYPE.STREAM, serial: call.serial, status: STATUS.ERROR }, remoteErrorBody(38, 10, 'I/O error')));
    const err = await failed;
    expect(err).toBeInstanceOf(LibvirtError);
    expect(err).toMatchObject({ code: 38, message: 'I/O error' });
    await nothingElseSent(); // the daemon already let go: no abort is sent back
    expect(warnings).toEqual([]);
  });

  it('a stream error whose body does not decode still ends the stream with an error', async () => {
    const { stream, call } = await openStream('read');
    const failed = new Promise<unknown>((resolve) => stream.once('error', resolve));
    pair.daemon.write(packet({ proc: PROC, type: TYPE.STREAM, serial: call.serial, status: STATUS.ERROR }, Buffer.from([0, 0, 0, 1])));
    const outcome = await Promise.race([failed, new Promise((r) => setTimeout(() => r('still open'), 300))]);
    expect(outcome).toBeInstanceOf(Error);
  });

  it('the connection dropping errors the stream with ConnectionError("interrupted")', async () => {
    const { stream } = await openStream('both');
    const failed = new Promise<Error>((resolve) => stream.once('error', resolve));
    pair.daemon.socket.end();
    const err = await failed;
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('interrupted');
  });

  it('an error reply to the stream call rejects callStream', async () => {
    pair = await socketPair();
    conn = new RpcConnection(pair.client);
    const p = conn.callStream(PROC, null, null, null, 'read');
    pair.daemon.replyError(await pair.daemon.next(), 55, 10, 'Requested operation is not valid');
    await expect(p).rejects.toMatchObject({ name: 'LibvirtError', code: 55 });
    expect(conn.inFlight).toBe(0);
    warnings = [];
    conn.on('protocol-warning', (e: Error) => warnings.push(e));
    await nothingElseSent(); // no stream was opened, so there is nothing to abort
    expect(warnings).toEqual([]);
  });
});

describe('RpcStream writing', () => {
  it('sends CONTINUE packets of at most 262120 bytes; end() sends the finish and waits for the confirmation', async () => {
    const { stream, call } = await openStream('write');
    const data = Buffer.from(Array.from({ length: 600_000 }, (_, i) => (i * 31) & 0xff));
    stream.write(data);
    const sent = await pair.daemon.nextN(3);
    expect(sent.every((p) => isStreamPacket(p, call, STATUS.CONTINUE))).toBe(true);
    expect(sent.map((p) => p.body.length)).toEqual([CHUNK_MAX, CHUNK_MAX, 600_000 - 2 * CHUNK_MAX]);
    expect(Buffer.concat(sent.map((p) => p.body)).equals(data)).toBe(true);

    let finished = false;
    const done = new Promise<void>((resolve) =>
      stream.end(() => {
        finished = true;
        resolve();
      }),
    );
    const fin = await pair.daemon.next();
    expect(isStreamPacket(fin, call, STATUS.OK)).toBe(true);
    expect(fin.body.length).toBe(0);
    await new Promise((r) => setTimeout(r, 10));
    expect(finished).toBe(false); // still waiting for the daemon
    pair.daemon.write(pair.daemon.streamPacket(call, STATUS.OK));
    await done;
    await nothingElseSent();
    expect(warnings).toEqual([]);
  });

  it('an error in answer to the finish fails end()', async () => {
    const { stream, call } = await openStream('write');
    const failed = new Promise<Error>((resolve) => stream.once('error', resolve));
    stream.end(Buffer.from('abc'));
    expect((await pair.daemon.next()).body.toString()).toBe('abc');
    expect(isStreamPacket(await pair.daemon.next(), call, STATUS.OK)).toBe(true);
    pair.daemon.write(packet({ proc: PROC, type: TYPE.REPLY, serial: call.serial, status: STATUS.ERROR }, remoteErrorBody(1, 18, 'disk full')));
    expect(await failed).toMatchObject({ name: 'LibvirtError', message: 'disk full' });
  });

  it("destroy() sends an abort (status ERROR, no body) and drops the daemon's answer quietly", async () => {
    const { stream, call } = await openStream('both');
    stream.destroy();
    const abort = await pair.daemon.next();
    expect(isStreamPacket(abort, call, STATUS.ERROR)).toBe(true);
    expect(abort.body.length).toBe(0);
    pair.daemon.write(packet({ proc: PROC, type: TYPE.REPLY, serial: call.serial, status: STATUS.ERROR }, remoteErrorBody(1, 0, 'stream aborted')));
    await nothingElseSent();
    expect(warnings).toEqual([]);
  });
});

describe('RpcStream backpressure', () => {
  it('a reader that falls behind pauses the socket and keeps the buffer bounded', async () => {
    const packets = 80; // about 21 MB
    const { stream, call } = await openStream('read');
    const flood = cat(
      ...Array.from({ length: packets }, (_, i) => pair.daemon.streamPacket(call, STATUS.CONTINUE, Buffer.alloc(CHUNK_MAX, i & 0xff))),
      pair.daemon.streamPacket(call, STATUS.OK),
    );
    pair.daemon.write(flood);

    const deadline = Date.now() + 5000;
    while (!pair.client.isPaused() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(pair.client.isPaused()).toBe(true);
    await new Promise((r) => setTimeout(r, 50)); // give a runaway reader the chance to show itself
    expect(stream.readableLength).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(pair.daemon.socket.writableLength).toBeGreaterThan(10 * 1024 * 1024); // the daemon's writes back up

    const chunks = await collect(stream);
    const all = Buffer.concat(chunks);
    expect(all.length).toBe(packets * CHUNK_MAX);
    for (let i = 0; i < packets; i++) {
      const block = all.subarray(i * CHUNK_MAX, (i + 1) * CHUNK_MAX);
      expect(block[0] === (i & 0xff) && block[CHUNK_MAX - 1] === (i & 0xff)).toBe(true);
    }
    expect(isStreamPacket(await pair.daemon.next(), call, STATUS.OK)).toBe(true);
    expect(pair.client.isPaused()).toBe(false);
  });
});

describe('RpcStream cancelled mid-flow', () => {
  it("data still in flight after an abort, and the abort's answer, are dropped quietly", async () => {
    const { stream, call } = await openStream('read');
    const got = new Promise<void>((resolve) => stream.once('data', () => resolve()));
    pair.daemon.write(pair.daemon.streamPacket(call, STATUS.CONTINUE, Buffer.from('first')));
    await got;
    stream.destroy();
    // libvirtd had already queued more console output before it read the abort, then answers the abort with
    // an error reply ("stream aborted at client request").
    pair.daemon.write(
      cat(
        pair.daemon.streamPacket(call, STATUS.CONTINUE, Buffer.from('in flight 1')),
        pair.daemon.streamPacket(call, STATUS.CONTINUE, Buffer.from('in flight 2')),
      ),
    );
    expect(isStreamPacket(await pair.daemon.next(), call, STATUS.ERROR)).toBe(true);
    pair.daemon.write(
      packet({ proc: PROC, type: TYPE.REPLY, serial: call.serial, status: STATUS.ERROR }, remoteErrorBody(7, 7, 'stream aborted at client request')),
    );
    await nothingElseSent();
    expect(warnings.map((w) => w.message)).toEqual([]);
  });
});

describe('RpcStream hand-built bytes', () => {
  it('a stream data packet on the wire is the header and the raw payload', async () => {
    const { stream, call } = await openStream('write');
    stream.write(Buffer.from('xyz'));
    const raw = await pair.daemon.next();
    expect(raw.body).toEqual(Buffer.from('xyz')); // raw bytes, no XDR length or padding
    expect(raw.vers).toBe(1);
    stream.destroy();
    expect(isStreamPacket(await pair.daemon.next(), call, STATUS.ERROR)).toBe(true);
  });
});
