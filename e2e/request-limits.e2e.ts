import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession } from './support/http-session';
import { startVireo, type VireoServer } from './support/server';

// Bodies are capped by the bytes actually read, whatever the headers say: a 50 MB chunked body (no Content-Length)
// sent to the routes anyone may call is refused at 1 MB with 413 and the connection is cut, so eight of them at
// once leave the server's memory where it was. Bound asserted: the server grows by less than 64 MiB (before the
// cap it grew by ~430 MB).

const run = promisify(execFile);
const BODY = 50 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x61);
const BOUND_KIB = 64 * 1024;

let server: VireoServer;
let cookieHeaders: Record<string, string>;

beforeAll(async () => {
  server = await startVireo({ VIREO_TLS: 'off' });
  cookieHeaders = (await adminSession(server)).headers;
});

afterAll(async () => {
  await server?.stop();
});

/** Resident memory of the server's process group, in KiB. */
async function groupRssKiB(): Promise<number> {
  const { stdout } = await run('ps', ['-o', 'rss=', '-g', String(server.pgid)]);
  return stdout.split('\n').reduce((sum, l) => sum + (Number(l.trim()) || 0), 0);
}

/** Streams `total` bytes without a Content-Length; resolves with the status (or 'reset') and the bytes it got out. */
function chunkedPost(path: string, total: number, headers: Record<string, string> = {}): Promise<{ status: number | 'reset'; sent: number }> {
  return new Promise((resolve) => {
    let sent = 0;
    let settled = false;
    const done = (status: number | 'reset') => {
      if (settled) return;
      settled = true;
      resolve({ status, sent });
    };
    const url = new URL(path, server.url);
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', origin: server.url, ...headers },
    });
    req.on('response', (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', () => done('reset'));
    const pump = () => {
      while (sent < total && !settled) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once('drain', pump);
      }
      if (!settled) req.end();
    };
    pump();
  });
}

describe('request body limits', () => {
  it('refuses 50 MB chunked bodies at 1 MB, cuts the connection and keeps memory bounded', async () => {
    await fetch(`${server.url}/api/auth/session`).catch(() => undefined);
    const before = await groupRssKiB();
    const targets = [
      '/api/auth/login',
      '/api/setup',
      '/api/consoles/tickets',
      '/api/auth/login',
      '/api/setup',
      '/api/consoles/tickets',
      '/api/auth/login',
      '/api/setup',
    ];
    const started = Date.now();
    const results = await Promise.all(targets.map((t, i) => chunkedPost(t, BODY, i % 3 === 2 ? cookieHeaders : {})));
    const after = await groupRssKiB();
    for (const r of results) {
      // Either the 413 arrives, or the cut lands first while the client is still writing: both stop the upload.
      if (r.status !== 'reset') expect([413, 401]).toContain(r.status);
      expect(r.sent).toBeLessThan(BODY);
    }
    expect(results.some((r) => r.status === 413)).toBe(true);
    expect(after - before).toBeLessThan(BOUND_KIB);
    console.log(`request-limits: 8 x 50 MB chunked refused in ${Date.now() - started} ms; server RSS ${before} -> ${after} KiB`);
  });

  it('answers a body over the limit with 413 and a plain message', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"username":"${'x'.repeat(1_100_000)}"}`,
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/too large/);
  });

  it('lets a client that declared a body a little over the limit finish sending it and read the 413 (a browser would see a network error)', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 0x61);
    const post = () =>
      new Promise<number | string>((resolve) => {
        const req = request(new URL('/api/auth/login', server.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(body.length), origin: server.url },
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
        req.end(body);
      });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await post());
    expect(statuses).toEqual([413, 413, 413, 413, 413]);
  });
});
