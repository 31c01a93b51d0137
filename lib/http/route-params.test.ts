import { describe, expect, it } from 'vitest';
import { defineRoute } from './route';

// Next gives a route without dynamic segments no params object at all; the seam must not trip over that.
describe('defineRoute without params', () => {
  it('answers when Next passes no params', async () => {
    const GET = defineRoute({ summary: 'x', access: 'public', run: ({ host }) => ({ host: host.id }) });
    const res = await GET(new Request('http://vireo.test/api/x'), { params: Promise.resolve(undefined as unknown as Record<string, string>) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ host: 'local' });
  });
});
