import { describe, expect, it } from 'vitest';
import { authorize, readCookie } from './guard';

// A cookie header is whatever the client sends: a value that is not valid percent-encoding must read as "no
// cookie" (401), never throw out of the guard as a 500.

describe('readCookie', () => {
  const headers = (cookie: string) => new Headers({ cookie });

  it('reads and decodes the named cookie among others', () => {
    expect(readCookie(headers('a=1; vireo_session=ab%2Bc; b=2'), 'vireo_session')).toBe('ab+c');
    expect(readCookie(headers('a=1'), 'vireo_session')).toBeUndefined();
  });

  it.each(['%zz', '%', 'abc%E0%A4%A', '%C0%AF'])('treats the malformed value %s as absent', (value) => {
    expect(readCookie(headers(`vireo_session=${value}`), 'vireo_session')).toBeUndefined();
  });
});

describe('authorize', () => {
  it('answers 401 to a malformed session cookie, on reads and writes alike', async () => {
    for (const method of ['GET', 'POST']) {
      const res = await authorize(new Request('https://vireo.test/api/vms', { method, headers: { cookie: 'vireo_session=%zz' } }), 'vm.read');
      expect(res).toBeInstanceOf(Response);
      expect((res as Response).status).toBe(401);
    }
  });
});
