import { buildOpenApi } from '@/lib/http/openapi';
import { defineRoute } from '@/lib/http/route';
import pkg from '@/package.json';
import { allRoutes } from '../routes';

export const GET = defineRoute({
  method: 'GET',
  path: '/api/openapi.json',
  summary: 'This API described as OpenAPI 3.1',
  tags: ['meta'],
  access: 'signed-in',
  run: async () => buildOpenApi(allRoutes(), { version: pkg.version }),
});
