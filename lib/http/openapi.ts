import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { PERMISSIONS } from '@/lib/auth/roles';
import { isSafeMethod } from './actor';
import type { PlacedRoute } from './route';

// The API reference, generated from the same declarations the routes validate with: a route cannot exist without
// being described, and its description cannot drift from what it accepts.

const problemSchema = z
  .object({
    error: z.string().meta({ description: 'What went wrong, in plain words' }),
    status: z.number().int(),
    code: z.string().optional().meta({ description: "libvirt's symbolic code (e.g. ERR_OPERATION_INVALID) or Vireo's" }),
    fields: z.record(z.string(), z.string()).optional().meta({ description: 'A message per request field (dotted path)' }),
  })
  .meta({ id: 'Problem' });

const ERRORS: Record<number, string> = {
  401: 'Not signed in, or the session has expired',
  403: "The role lacks the permission, or the request's CSRF token is missing",
  404: 'The object does not exist',
  409: 'Not possible in the current state, or not something this host supports',
  413: 'The request is too large',
  422: 'The request was refused; `fields` says why per field',
  503: 'libvirtd is not reachable; nothing was changed',
};

const hostParam = z.object({
  host: z.string().meta({ description: "The host's id (GET /api/hosts). The same path without /hosts/{host} works on the local host." }),
});

/** Host-scoped routes (/api/hosts/{host}/...) take the host from the path; the seam resolves it, the doc names it. */
function paramsOf(path: string, r: { params?: unknown }): z.ZodObject | undefined {
  const own = r.params as z.ZodObject | undefined;
  if (!path.includes('{host}') || (own && 'host' in own.shape)) return own;
  return own ? hostParam.extend(own.shape) : hostParam;
}

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export function buildOpenApi(routes: PlacedRoute[], info: { version: string }): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'vireo_session' });
  registry.registerComponent('securitySchemes', 'csrf', { type: 'apiKey', in: 'header', name: 'x-csrf-token' });
  registry.registerComponent('securitySchemes', 'token', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (POST /api/tokens): acts with its role, needs no CSRF token.',
  });
  for (const { method, path, tags, handler } of routes) {
    const r = handler.route;
    const access = r.access;
    const permission = access === 'public' || access === 'signed-in' ? null : access;
    const errors = Object.fromEntries(
      Object.entries(ERRORS)
        .filter(([s]) => access !== 'public' || (s !== '401' && s !== '403'))
        .map(([s, description]) => [s, { description, content: { 'application/json': { schema: problemSchema } } }]),
    );
    const success = r.responseType
      ? { description: 'OK', content: { [r.responseType]: { schema: z.string() } } }
      : { description: 'OK', content: { 'application/json': { schema: r.response ?? z.record(z.string(), z.unknown()) } } };
    registry.registerPath({
      method: method.toLowerCase() as Lowercase<typeof method>,
      path,
      summary: r.summary,
      tags,
      description: permission
        ? `Needs the permission \`${permission}\` (${PERMISSIONS[permission]}).`
        : access === 'public'
          ? 'No session needed.'
          : 'Any signed-in user.',
      security: access === 'public' ? [] : [isSafeMethod(method) ? { session: [] } : { session: [], csrf: [] }, { token: [] }],
      request: {
        ...(paramsOf(path, r) ? { params: paramsOf(path, r) } : {}),
        ...(r.query ? { query: r.query as z.ZodObject } : {}),
        ...(r.body ? { body: { content: { 'application/json': { schema: r.body } } } } : {}),
        ...(r.rawBody ? { body: { description: r.rawBody.description, content: { [r.rawBody.contentType]: { schema: z.string() } } } } : {}),
      },
      responses: { [r.status ?? 200]: success, ...errors },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Vireo API', version: info.version, description: 'Manage KVM virtual machines through libvirt.' },
    servers: [{ url: '/' }],
  });
}
