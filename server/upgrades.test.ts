import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { findUpgrade, registerUpgrade, sameOriginUpgrade, type UpgradeHandler } from './upgrades';

// Served over TLS: the origin check compares the scheme as well as host and port.
const req = (headers: Record<string, string>) => ({ headers, socket: { encrypted: true } }) as unknown as IncomingMessage;

describe('findUpgrade', () => {
  const consoles: UpgradeHandler = () => undefined;
  registerUpgrade('/ws/test-consoles/', consoles);

  it('finds the handler by path prefix, ignoring the query', () => {
    expect(findUpgrade('/ws/test-consoles/vnc?ticket=abc')).toBe(consoles);
    expect(findUpgrade('/ws/test-consoles/')).toBe(consoles);
  });

  it('answers null for other paths, a prefix hidden in the query, or no URL', () => {
    expect(findUpgrade('/ws/other')).toBeNull();
    expect(findUpgrade('/api?next=/ws/test-consoles/vnc')).toBeNull();
    expect(findUpgrade('/ws/test-consoles')).toBeNull();
    expect(findUpgrade(undefined)).toBeNull();
  });
});

describe('sameOriginUpgrade', () => {
  it('accepts an Origin naming this host, and no Origin at all (not a browser)', () => {
    expect(sameOriginUpgrade(req({ host: 'vireo.lan:8443', origin: 'https://vireo.lan:8443' }))).toBe(true);
    expect(sameOriginUpgrade(req({ host: 'vireo.lan:8443' }))).toBe(true);
  });

  it('refuses another host, another port, and an Origin that is not a URL', () => {
    expect(sameOriginUpgrade(req({ host: 'vireo.lan:8443', origin: 'https://evil.example' }))).toBe(false);
    expect(sameOriginUpgrade(req({ host: 'vireo.lan:8443', origin: 'https://vireo.lan:9443' }))).toBe(false);
    expect(sameOriginUpgrade(req({ host: 'vireo.lan:8443', origin: 'null' }))).toBe(false);
  });

  it('compares with X-Forwarded-Host when a proxy set it', () => {
    expect(sameOriginUpgrade(req({ host: '127.0.0.1:8443', 'x-forwarded-host': 'vireo.example', origin: 'https://vireo.example' }))).toBe(true);
    expect(sameOriginUpgrade(req({ host: 'vireo.example', 'x-forwarded-host': 'proxy.example', origin: 'https://vireo.example' }))).toBe(false);
  });
});
