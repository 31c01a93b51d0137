import { buildOpenApi, type OpenApiDocument } from '@/lib/http/openapi';
import { defineRoute, type PlacedRoute, type RouteHandler } from '@/lib/http/route';
import pkg from '@/package.json';
import { allRoutes, placeRoutes } from './routes';

/** The API described as OpenAPI 3.1: every route of the index, and this one. */
export function openApiDocument(): OpenApiDocument {
  return buildOpenApi([...allRoutes(), ...openApiPlaced()], { version: pkg.version });
}

export const openApiRoute: RouteHandler = defineRoute({
  summary: 'This API described as OpenAPI 3.1',
  access: 'signed-in',
  run: (): OpenApiDocument => openApiDocument(),
});

/** Where openapi.json/route.ts serves it (the index leaves that file out: it would import itself). */
export function openApiPlaced(): PlacedRoute[] {
  return placeRoutes('/api/openapi.json', { GET: openApiRoute });
}
