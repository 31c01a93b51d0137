import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDEX_FILE, renderIndex } from '@/scripts/gen-route-index';
import * as openApiModule from './openapi.json/route';
import { openApiDocument, openApiPlaced, openApiRoute } from './openapi';
import { ROUTE_MODULES } from './route-index.gen';
import { allRoutes, isRouteHandler } from './routes';

// Every API route is declared through defineRoute and described in the OpenAPI document: a route file that is
// not in the index or a handler made some other way fails here. A route's method and path are its export's name
// and its file's place, so the document cannot name them otherwise.

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

describe('API routes and their OpenAPI document', () => {
  it('has an index listing every route file (run `npm run gen:routes` when this fails)', () => {
    expect(readFileSync(INDEX_FILE, 'utf8')).toBe(renderIndex());
  });

  it('puts every route in a section of the reference (app/api/sections.ts, or its own `tags`)', () => {
    for (const r of [...allRoutes(), ...openApiPlaced()]) expect(r.tags.length, `${r.method} ${r.path} has no section`).toBeGreaterThan(0);
  });

  it('makes every handler with defineRoute', () => {
    for (const [url, mod] of Object.entries({ ...ROUTE_MODULES, '/api/openapi.json': openApiModule })) {
      const handlers = Object.entries(mod).filter(([k]) => METHODS.has(k));
      expect(handlers.length, url).toBeGreaterThan(0);
      for (const [method, handler] of handlers) expect(isRouteHandler(handler), `${method} ${url} is not made by defineRoute`).toBe(true);
    }
    expect(openApiModule.GET).toBe(openApiRoute);
  });

  it('describes every route with its parameters, body and errors', () => {
    const doc = openApiDocument();
    const described = Object.entries(doc.paths ?? {}).flatMap(([p, ops]) => Object.keys(ops ?? {}).map((m) => `${m.toUpperCase()} ${p}`));
    expect(described.sort()).toEqual([...allRoutes(), ...openApiPlaced()].map((r) => `${r.method} ${r.path}`).sort());
    expect(described).toContain('POST /api/hosts/{host}/vms/{name}/hardware/disks');
    expect(doc.paths?.['/api/hosts/{host}/vms/{name}/hardware/disks']?.post?.tags).toEqual(['hardware']);
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
