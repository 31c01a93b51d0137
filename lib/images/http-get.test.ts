import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageAllowEntry } from '@/lib/config/settings';
import { DestinationRefusedError, REFUSED_DESTINATION } from './destination';
import { guardedGet } from './http-get';

// Image GETs against real loopback servers: an internal destination is refused before any connection is made
// (the servers count them), on the first request and on every redirect, with one sentence whatever is there.

interface Site {
  server: Server;
  port: number;
  connections: number;
}

async function site(host: string, handler: (path: string, res: import('node:http').ServerResponse) => void): Promise<Site> {
  const server = createServer((req, res) => handler(req.url ?? '/', res));
  const s: Site = { server, port: 0, connections: 0 };
  server.on('connection', () => s.connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  s.port = (server.address() as AddressInfo).port;
  return s;
}

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

let target: Site; // 127.0.0.1: the internal service an attacker aims at
let mirror: Site; // 127.0.0.2: a lab mirror the admin allowed
let closed: number;
const allowMirror: ImageAllowEntry[] = [{ kind: 'cidr', cidr: '127.0.0.2/32' }];
const signal = () => AbortSignal.timeout(10_000);

beforeAll(async () => {
  target = await site('127.0.0.1', (_p, res) => res.end('secret'));
  closed = await closedPort();
  mirror = await site('127.0.0.2', (path, res) => {
    const to = decodeURIComponent(path.slice('/to/'.length));
    if (path.startsWith('/to/')) res.writeHead(302, { location: to }).end();
    else if (path === '/hop') res.writeHead(301, { location: '/image.img' }).end();
    else if (path === '/loop') res.writeHead(302, { location: '/loop' }).end();
    else res.writeHead(200, { 'content-length': 5 }).end('image');
  });
});

afterAll(async () => {
  for (const s of [target, mirror]) await new Promise((resolve) => s?.server.close(resolve));
});

async function refusal(url: string, allow: ImageAllowEntry[] = []): Promise<Error> {
  const err = await guardedGet(new URL(url), allow, signal()).then(
    () => null,
    (e: Error) => e,
  );
  if (!err) throw new Error(`${url} was fetched`);
  return err;
}

describe('guardedGet refuses internal destinations by default', () => {
  it.each([
    ['loopback', () => `http://127.0.0.1:${target.port}/`],
    ['IPv6 loopback', () => `http://[::1]:${target.port}/`],
    ['IPv4-mapped loopback', () => `http://[::ffff:127.0.0.1]:${target.port}/`],
    ['a host name resolving to loopback', () => `http://localhost:${target.port}/`],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a private address', () => 'http://192.168.0.1/image.img'],
    ['a private address over https', () => 'https://10.0.0.1/image.img'],
    ['the unspecified address', () => `http://0.0.0.0:${target.port}/`],
  ])('%s, without connecting', async (_what, url) => {
    const before = target.connections;
    const err = await refusal(url());
    expect(err).toBeInstanceOf(DestinationRefusedError);
    expect(err.message).toBe(REFUSED_DESTINATION);
    expect(target.connections).toBe(before);
  });

  it('says the same whether the refused port is open or closed', async () => {
    const open = await refusal(`http://127.0.0.1:${target.port}/`);
    const shut = await refusal(`http://127.0.0.1:${closed}/`);
    const openByName = await refusal(`http://localhost:${target.port}/`);
    const shutByName = await refusal(`http://localhost:${closed}/`);
    expect(new Set([open.message, shut.message, openByName.message, shutByName.message])).toEqual(new Set([REFUSED_DESTINATION]));
    expect(open.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\d{4,5}/);
  });
});

describe('guardedGet with a lab mirror allowed', () => {
  it('downloads from the mirror and follows its redirects to itself', async () => {
    const res = await guardedGet(new URL(`http://127.0.0.2:${mirror.port}/hop`), allowMirror, signal());
    expect(res.status).toBe(200);
    expect(res.url).toBe(`http://127.0.0.2:${mirror.port}/image.img`);
    res.body.resume();
  });

  it('refuses a redirect from the allowed mirror to 127.0.0.1, open port or closed, without connecting', async () => {
    const before = target.connections;
    const messages = [];
    for (const to of [`http://127.0.0.1:${target.port}/`, `http://127.0.0.1:${closed}/`, `http://localhost:${target.port}/`, 'http://169.254.169.254/']) {
      const err = await refusal(`http://127.0.0.2:${mirror.port}/to/${encodeURIComponent(to)}`, allowMirror);
      expect(err).toBeInstanceOf(DestinationRefusedError);
      messages.push(err.message);
    }
    expect(new Set(messages)).toEqual(new Set([REFUSED_DESTINATION]));
    expect(target.connections).toBe(before);
  });

  it('refuses a redirect to another scheme, and endless redirects', async () => {
    expect((await refusal(`http://127.0.0.2:${mirror.port}/to/${encodeURIComponent('file:///etc/passwd')}`, allowMirror)).message).toMatch(/Only http/);
    expect((await refusal(`http://127.0.0.2:${mirror.port}/loop`, allowMirror)).message).toMatch(/redirected more than 5 times/);
  });

  it('still refuses what is not listed', async () => {
    expect(await refusal(`http://127.0.0.1:${target.port}/`, allowMirror)).toBeInstanceOf(DestinationRefusedError);
  });
});
