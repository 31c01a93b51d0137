import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { RouteHandler } from '@/lib/http/route';
import { fastRoutes } from './fast-routes';
import { serveRoute, webRequest } from './route-bridge';

function incoming(url: string, headers: IncomingMessage['headers'] = {}, method = 'GET'): IncomingMessage {
  return { url, method, headers: { host: '127.0.0.1:8443', ...headers }, socket: { encrypted: true } } as unknown as IncomingMessage;
}

function outgoing() {
  const res = Object.assign(new EventEmitter(), {
    statusCode: 200,
    writableFinished: false,
    headers: new Map<string, unknown>(),
    body: '',
    setHeader(name: string, value: unknown) {
      res.headers.set(name.toLowerCase(), value);
    },
    end(chunk: Buffer) {
      res.body = chunk.toString();
      res.writableFinished = true;
    },
  });
  return res;
}

const handler = (fn: (req: Request) => Response | Promise<Response>) => Object.assign(async (req: Request) => fn(req), {}) as unknown as RouteHandler;

describe('webRequest', () => {
  it('keeps the method, the address as the client used it, and every header (repeated ones too)', () => {
    const r = webRequest(incoming('/metrics?x=1', { authorization: 'Bearer vireo_abc', 'x-multi': ['a', 'b'] }), new AbortController().signal);
    expect(r.method).toBe('GET');
    expect(r.url).toBe('https://127.0.0.1:8443/metrics?x=1');
    expect(r.headers.get('authorization')).toBe('Bearer vireo_abc');
    expect(r.headers.get('x-multi')).toBe('a, b');
  });
});

describe('serveRoute', () => {
  it('writes the handler’s status, headers and body, keeping the headers already set', async () => {
    const res = outgoing();
    res.setHeader('X-Frame-Options', 'DENY');
    const h = handler((req) => new Response(`seen ${req.headers.get('authorization')}`, { status: 401, headers: { 'content-type': 'text/plain' } }));
    await serveRoute(h, incoming('/metrics', { authorization: 'Bearer t' }), res as unknown as ServerResponse);
    expect(res.statusCode).toBe(401);
    expect(res.body).toBe('seen Bearer t');
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(res.headers.get('content-length')).toBe(13);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('sends each cookie the handler sets as a header of its own', async () => {
    const res = outgoing();
    const headers = new Headers();
    headers.append('set-cookie', 'a=1; Path=/');
    headers.append('set-cookie', 'b=2; Path=/');
    await serveRoute(
      handler(() => new Response('ok', { headers })),
      incoming('/metrics'),
      res as unknown as ServerResponse,
    );
    expect(res.headers.get('set-cookie')).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  });

  it('aborts the request’s signal when the client goes away before the answer', async () => {
    const res = outgoing();
    let signal: AbortSignal | undefined;
    const h = handler(async (req) => {
      signal = req.signal;
      res.emit('close');
      return new Response('late');
    });
    await serveRoute(h, incoming('/metrics'), res as unknown as ServerResponse);
    expect(signal?.aborted).toBe(true);
  });
});

describe('fastRoutes', () => {
  const metrics = async () => handler(() => new Response(''));
  const pick = fastRoutes(new Map([['/metrics', metrics]]));

  it('takes GETs of the exact path, whatever the query', () => {
    expect(pick(incoming('/metrics'))).toBe(metrics);
    expect(pick(incoming('/metrics?name[]=up'))).toBe(metrics);
  });

  it('leaves everything else to Next', () => {
    expect(pick(incoming('/metrics', {}, 'HEAD'))).toBeNull();
    expect(pick(incoming('/metrics', {}, 'POST'))).toBeNull();
    expect(pick(incoming('/metrics/'))).toBeNull();
    expect(pick(incoming('/metricsx'))).toBeNull();
    expect(pick(incoming('/api/metrics/vms'))).toBeNull();
  });
});
