import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, contentSecurityPolicy, HSTS } from './security-headers';

// The headers every answer gets, and the nonce handed to Next on the request.

function exchange(requestHeaders: Record<string, string> = {}) {
  const req = { headers: { ...requestHeaders } } as unknown as IncomingMessage;
  const set = new Map<string, string>();
  const res = { setHeader: (k: string, v: string) => set.set(k.toLowerCase(), v) } as unknown as ServerResponse;
  return { req, res, set };
}

describe('contentSecurityPolicy', () => {
  const csp = contentSecurityPolicy('abc+/123');

  it('allows scripts only by nonce (and what they load), never inline or eval', () => {
    expect(csp).toContain("script-src 'self' 'nonce-abc+/123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('forbids framing, plugins and base or form redirection; connects to this origin only', () => {
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "connect-src 'self'", "default-src 'self'"])
      expect(csp).toContain(d);
  });
});

describe('applySecurityHeaders', () => {
  it('answers with a fresh nonce each time and gives Next the same policy on the request', () => {
    const a = exchange();
    const b = exchange();
    applySecurityHeaders(a.req, a.res, { tls: true });
    applySecurityHeaders(b.req, b.res, { tls: true });
    expect(a.req.headers['content-security-policy']).toBe(a.set.get('content-security-policy'));
    expect(a.set.get('content-security-policy')).not.toBe(b.set.get('content-security-policy'));
  });

  it('replaces a policy the client sent, so a client cannot choose the nonce', () => {
    const x = exchange({ 'content-security-policy': "script-src 'nonce-chosen'", 'content-security-policy-report-only': "script-src 'nonce-chosen'" });
    applySecurityHeaders(x.req, x.res, { tls: false });
    expect(x.req.headers['content-security-policy']).not.toContain('chosen');
    expect(x.req.headers['content-security-policy-report-only']).toBeUndefined();
  });

  it('forbids framing and MIME sniffing and keeps the referrer on this site, on every answer', () => {
    const x = exchange();
    applySecurityHeaders(x.req, x.res, { tls: false });
    expect(x.set.get('x-frame-options')).toBe('DENY');
    expect(x.set.get('x-content-type-options')).toBe('nosniff');
    expect(x.set.get('referrer-policy')).toBe('same-origin');
  });

  it('sends HSTS only when serving TLS', () => {
    const tls = exchange();
    const plain = exchange();
    applySecurityHeaders(tls.req, tls.res, { tls: true });
    applySecurityHeaders(plain.req, plain.res, { tls: false });
    expect(tls.set.get('strict-transport-security')).toBe(HSTS);
    expect(plain.set.has('strict-transport-security')).toBe(false);
  });
});
