import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDEX_FILE, renderIndex } from '@/scripts/gen-route-index';
import * as openApiModule from './openapi.json/route';
import { openApiDocument, openApiRoute } from './openapi';
import { ROUTE_MODULES } from './route-index.gen';
import { allRoutes } from './routes';

// Every API route is declared through defineRoute and described in the OpenAPI document: a route file that is
// not in the index, a handler made some other way, or a declared path that is not the file's URL fails here.

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

describe('API routes and their OpenAPI document', () => {
  it('has an index listing every route file (run `npm run gen:routes` when this fails)', () => {
    expect(readFileSync(INDEX_FILE, 'utf8')).toBe(renderIndex());
  });

  it('makes every handler with defineRoute, declared under its own URL and method', () => {
    for (const [url, mod] of Object.entries({ ...ROUTE_MODULES, '/api/openapi.json': openApiModule })) {
      const handlers = Object.entries(mod).filter(([k]) => METHODS.has(k));
      expect(handlers.length, url).toBeGreaterThan(0);
      for (const [method, handler] of handlers) {
        const route = (handler as { route?: { method: string; path: string } }).route;
        expect(route, `${method} ${url} is not made by defineRoute`).toBeDefined();
        expect(route!.method).toBe(method);
        expect(route!.path).toBe(url.replace(/\[(\w+)\]/g, '{$1}'));
      }
    }
  });

  it('describes every route with its parameters, body and errors', () => {
    const doc = openApiDocument();
    const described = Object.entries(doc.paths ?? {}).flatMap(([p, ops]) => Object.keys(ops ?? {}).map((m) => `${m.toUpperCase()} ${p}`));
    expect(described.sort()).toEqual([...allRoutes(), openApiRoute].map((h) => `${h.route.method} ${h.route.path}`).sort());
    const del = doc.paths?.['/api/hosts/{host}/vms/{name}']?.delete;
    expect(del?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'name', in: 'path', required: true }),
        expect.objectContaining({ name: 'host', in: 'path', required: true }),
      ]),
    );
    expect(del?.responses?.['422']).toBeDefined();
    expect(del?.security).toEqual([{ session: [], csrf: [] }, { token: [] }]);
    expect(doc.paths?.['/api/auth/login']?.post?.security).toEqual([]);
  });
});
