import { describe, expect, it } from 'vitest';
import { readCookie } from './cookies';
import { defineRoute } from './route';

// A cookie header is whatever the client sends: a value that is not valid percent-encoding must read as "no
// cookie" (401), never throw out of the route seam as a 500.

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

describe('a route given a malformed session cookie', () => {
  const route = defineRoute({ summary: 'test', access: 'vm.read', run: () => ({ ok: true }) });

  it('answers 401 with a plain message, on reads and writes alike', async () => {
    for (const method of ['GET', 'POST']) {
      const res = await route(new Request('https://vireo.test/api/test', { method, headers: { cookie: 'vireo_session=%zz' } }), {
        params: Promise.resolve({}),
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: string }).error).toMatch(/not signed in/);
    }
  });
});
