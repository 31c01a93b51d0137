import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CLIENT_IP_HEADER } from '@/lib/http/client-ip';
import { admitForwarded, crossSiteReason, originMismatch, servedOrigin } from './request-guard';
import { sameOriginUpgrade } from './upgrades';

// The request as the server sees it, before Next: headers as sent, and the socket it came on.
function request(headers: Record<string, string>, opts: { method?: string; tls?: boolean; ip?: string } = {}): IncomingMessage {
  return {
    method: opts.method ?? 'POST',
    headers: { ...headers },
    socket: { encrypted: opts.tls ?? true, remoteAddress: opts.ip ?? '::ffff:192.0.2.7' },
  } as unknown as IncomingMessage;
}

/** As the server does it: forwarded headers admitted (or not) first. */
function admitted(headers: Record<string, string>, trustProxy: boolean, opts: { method?: string; tls?: boolean; ip?: string } = {}) {
  const req = request(headers, opts);
  admitForwarded(req, trustProxy);
  return req;
}

const proxied = { 'x-forwarded-host': 'vireo.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9, 10.0.0.1' };

describe('admitForwarded', () => {
  it('removes every forwarded header when no proxy is trusted, and records the socket address', () => {
    const req = admitted({ host: 'h:8443', ...proxied, 'x-forwarded-port': '443', forwarded: 'for=1.2.3.4' }, false);
    expect(Object.keys(req.headers).filter((h) => h.includes('forward'))).toEqual([]);
    expect(req.headers[CLIENT_IP_HEADER]).toBe('192.0.2.7');
  });

  it('keeps them behind a trusted proxy and takes the address the proxy added (the last), not what the client claimed', () => {
    const req = admitted({ host: 'internal:8443', ...proxied }, true);
    expect(req.headers['x-forwarded-host']).toBe('vireo.example');
    expect(req.headers[CLIENT_IP_HEADER]).toBe('10.0.0.1');
    expect(admitted({ host: 'i', 'x-forwarded-for': '198.51.100.4' }, true).headers[CLIENT_IP_HEADER]).toBe('198.51.100.4');
  });

  it('overwrites a client-sent client-ip header', () => {
    expect(admitted({ host: 'h', [CLIENT_IP_HEADER]: '1.1.1.1' }, false).headers[CLIENT_IP_HEADER]).toBe('192.0.2.7');
  });
});

describe('servedOrigin', () => {
  it('is the socket scheme with the Host header, default ports dropped, host lower-cased', () => {
    expect(servedOrigin(admitted({ host: 'Vireo.Example:8443' }, false))).toBe('https://vireo.example:8443');
    expect(servedOrigin(admitted({ host: 'vireo.example:443' }, false))).toBe('https://vireo.example');
    expect(servedOrigin(admitted({ host: '127.0.0.1:8080' }, false, { tls: false }))).toBe('http://127.0.0.1:8080');
    expect(servedOrigin(admitted({ host: '[::1]:8443' }, false))).toBe('https://[::1]:8443');
  });

  it('ignores forwarded headers without a trusted proxy', () => {
    expect(servedOrigin(admitted({ host: 'h:8080', ...proxied }, false, { tls: false }))).toBe('http://h:8080');
  });

  it('follows a trusted proxy: its scheme, host and separately named port', () => {
    expect(servedOrigin(admitted({ host: 'internal:8080', ...proxied }, true, { tls: false }))).toBe('https://vireo.example');
    expect(servedOrigin(admitted({ host: 'i', ...proxied, 'x-forwarded-port': '9443' }, true, { tls: false }))).toBe('https://vireo.example:9443');
    expect(servedOrigin(admitted({ host: 'i', 'x-forwarded-host': '[2001:db8::1]', 'x-forwarded-port': '9443' }, true))).toBe('https://[2001:db8::1]:9443');
  });

  it('is null without a host, or with one that is not a host', () => {
    expect(servedOrigin(admitted({}, false))).toBeNull();
    expect(servedOrigin(admitted({ host: 'a b' }, false))).toBeNull();
  });
});

describe('the Origin check (requests and WebSocket upgrades)', () => {
  const host = { host: 'vireo.example:8443' };

  it('accepts the exact origin, default port spelled or not', () => {
    expect(originMismatch(admitted(host, false), 'https://vireo.example:8443')).toBeNull();
    expect(originMismatch(admitted({ host: 'vireo.example' }, false), 'https://vireo.example:443')).toBeNull();
  });

  it.each([
    ['another host', 'https://evil.example:8443'],
    ['the same host over plain http', 'http://vireo.example:8443'],
    ['the same host on another port', 'https://vireo.example:9443'],
    ['the default port instead of ours', 'https://vireo.example'],
    ['an opaque origin', 'null'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_what, origin) => {
    expect(originMismatch(admitted(host, false), origin)).not.toBeNull();
    expect(sameOriginUpgrade(admitted({ ...host, origin }, false, { method: 'GET' }))).toBe(false);
  });

  it('cannot be satisfied by a forged X-Forwarded-Host without a trusted proxy', () => {
    const forged = admitted({ host: 'vireo.example:8443', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }, false);
    expect(originMismatch(forged, 'https://evil.example')).toMatch(/does not match https:\/\/vireo.example:8443/);
  });

  it('compares with what the trusted proxy served', () => {
    const req = admitted({ host: 'internal:8080', ...proxied }, true, { tls: false });
    expect(originMismatch(req, 'https://vireo.example')).toBeNull();
    expect(originMismatch(req, 'http://vireo.example')).not.toBeNull();
    expect(originMismatch(req, 'http://internal:8080')).not.toBeNull();
  });
});

describe('crossSiteReason', () => {
  it('lets safe methods through whatever they carry', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(crossSiteReason(admitted({ host: 'h', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, false, { method }))).toBeNull();
    }
  });

  it('refuses cross-site and same-site fetch metadata', () => {
    expect(crossSiteReason(admitted({ host: 'h', 'sec-fetch-site': 'cross-site' }, false))).toBe('Sec-Fetch-Site is cross-site');
    expect(crossSiteReason(admitted({ host: 'h', 'sec-fetch-site': 'same-site' }, false))).toBe('Sec-Fetch-Site is same-site');
  });

  it('accepts same-origin writes and writes without Origin (non-browser clients with a CSRF token)', () => {
    expect(crossSiteReason(admitted({ host: 'h:8443', origin: 'https://h:8443', 'sec-fetch-site': 'same-origin' }, false))).toBeNull();
    expect(crossSiteReason(admitted({ host: 'h:8443' }, false))).toBeNull();
  });

  it('refuses a write whose Origin differs in scheme or port only', () => {
    expect(crossSiteReason(admitted({ host: 'h:8443', origin: 'http://h:8443' }, false))).toMatch(/does not match/);
    expect(crossSiteReason(admitted({ host: 'h:8443', origin: 'https://h:8444' }, false))).toMatch(/does not match/);
  });
});

describe('sameOriginUpgrade', () => {
  it('accepts a handshake without Origin (the console handler then insists on one) or with ours', () => {
    expect(sameOriginUpgrade(admitted({ host: 'h:8443' }, false, { method: 'GET' }))).toBe(true);
    expect(sameOriginUpgrade(admitted({ host: 'h:8443', origin: 'https://h:8443' }, false, { method: 'GET' }))).toBe(true);
  });
});
