import type { JsonSchema } from './json-schema';

// What the fuzzer needs to know of one OpenAPI operation: where its inputs go and what they must look like.

export interface ParamSpec {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

export interface Operation {
  /** e.g. "POST /api/vms/{name}/actions", as the route declares it. */
  key: string;
  method: string;
  path: string;
  pathParams: ParamSpec[];
  queryParams: ParamSpec[];
  /** The JSON body's schema; null when the operation takes none. */
  body: JsonSchema | null;
  /** The content type of a body that is not JSON (uploads); null otherwise. */
  rawBody: string | null;
  /** No security requirement: no session needed. */
  public: boolean;
}

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

export interface OpenApiDocument {
  paths?: Record<string, Record<string, OpenApiOperation> | undefined>;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [m, op] of Object.entries(ops ?? {})) {
      const params = (where: string) =>
        (op.parameters ?? []).filter((p) => p.in === where).map((p) => ({ name: p.name, schema: p.schema ?? {}, required: p.required ?? false }));
      const content = op.requestBody?.content ?? {};
      const json = content['application/json'];
      const raw = Object.keys(content).find((t) => t !== 'application/json') ?? null;
      const method = m.toUpperCase();
      out.push({
        key: `${method} ${path}`,
        method,
        path,
        pathParams: params('path'),
        queryParams: params('query'),
        body: json ? (json.schema ?? {}) : null,
        rawBody: raw,
        public: Array.isArray(op.security) && op.security.length === 0,
      });
    }
  }
  return out;
}

/** The URL of an operation with its path parameters filled in (each encoded as one segment). */
export function urlOf(op: Operation, params: Record<string, string>, query: Record<string, string>): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const qs = new URLSearchParams(query).toString();
  return `http://127.0.0.1${path}${qs ? `?${qs}` : ''}`;
}
