import { buildOpenApi, type OpenApiDocument } from '@/lib/http/openapi';
import { defineRoute, type RouteHandler } from '@/lib/http/route';
import pkg from '@/package.json';
import { allRoutes } from './routes';

/** The API described as OpenAPI 3.1: every route of the index, and this one. */
export function openApiDocument(): OpenApiDocument {
  return buildOpenApi([...allRoutes(), openApiRoute], { version: pkg.version });
}

export const openApiRoute: RouteHandler = defineRoute({
  method: 'GET',
  path: '/api/openapi.json',
  summary: 'This API described as OpenAPI 3.1',
  tags: ['meta'],
  access: 'signed-in',
  run: (): OpenApiDocument => openApiDocument(),
});
