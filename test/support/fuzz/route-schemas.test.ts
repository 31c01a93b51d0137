import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { allRoutes } from '@/app/api/routes';
import { buildOpenApi } from '@/lib/http/openapi';
import { createVmSpecSchema } from '@/lib/provisioning/spec';
import { invalidArbitrary, validArbitrary } from './arbitrary';
import { CROSS_FIELD_RULES, deeperBodies } from './deeper-bodies';
import { refResolver } from './json-schema';
import { operationsOf, type OpenApiDocument, type ParamSpec } from './operations';

// The generators against the real routes: what they make from a route's OpenAPI operation as "valid" must pass the
// zod schema the route validates with, and what they make as "invalid" must not. Where the document says less
// than the route checks (a refine with no JSON Schema form), valid values would be refused: fix the schema so the
// document says it, rather than this test. The few rules JSON Schema cannot state are listed in deeper-bodies.ts.

const doc = buildOpenApi(allRoutes(), { version: 'test' }) as unknown as OpenApiDocument;
const resolve = refResolver(doc);
const ops = new Map(operationsOf(doc).map((o) => [o.key, o]));
const RUNS = 60;

/** Path and query values travel as strings; zod sees what the URL carries. */
function asStrings(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
}

function paramsArbitrary(specs: ParamSpec[]) {
  const model = Object.fromEntries(specs.map((p) => [p.name, validArbitrary(p.schema, { resolve })]));
  return fc.record(model, { requiredKeys: specs.filter((p) => p.required).map((p) => p.name) }).map(asStrings);
}

function refusalOf(schema: z.ZodType, value: unknown): string | null {
  const r = schema.safeParse(value);
  return r.success ? null : JSON.stringify(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
}

describe.each(allRoutes().map((r) => [`${r.method} ${r.path}`, r.handler.route] as const))('%s', (key, route) => {
  const op = ops.get(key)!;

  it('is in the document', () => {
    expect(op).toBeDefined();
  });

  const { params, query } = route;
  if (params) {
    it('valid path parameters pass its params schema', () => {
      fc.assert(
        fc.property(paramsArbitrary(op.pathParams), (p) => refusalOf(params, p) === null),
        { numRuns: RUNS },
      );
    });
  }

  if (query) {
    it('valid query parameters pass its query schema', () => {
      fc.assert(
        fc.property(paramsArbitrary(op.queryParams), (q) => refusalOf(query, q) === null),
        { numRuns: RUNS },
      );
    });
  }

  const body = route.body;
  if (!body || CROSS_FIELD_RULES[key]) return;
  it('valid bodies pass its body schema; invalid ones are refused', () => {
    expect(op.body).not.toBeNull();
    fc.assert(
      fc.property(validArbitrary(op.body!, { resolve }), (b) => refusalOf(body, b) === null),
      { numRuns: RUNS },
    );
    const bad = invalidArbitrary(op.body!, { resolve });
    if (bad)
      fc.assert(
        fc.property(bad, (b) => refusalOf(body, b) !== null),
        { numRuns: RUNS },
      );
  });
});

describe('what the document cannot say', () => {
  it.each(Object.keys(CROSS_FIELD_RULES))('%s: enough of the valid bodies also pass its cross-field rule to filter on', (key) => {
    const body = allRoutes().find((r) => `${r.method} ${r.path}` === key)!.handler.route.body!;
    const values = fc.sample(validArbitrary(ops.get(key)!.body!, { resolve }), { numRuns: 300, seed: 1 });
    expect(values.filter((v) => body.safeParse(v).success).length).toBeGreaterThan(30);
    const bad = invalidArbitrary(ops.get(key)!.body!, { resolve })!;
    fc.assert(
      fc.property(bad, (b) => refusalOf(body, b) !== null),
      { numRuns: RUNS },
    );
  });

  it.each(Object.entries(deeperBodies()))('%s: the deeper bodies are create-VM specs the planner parses', (_key, arb) => {
    fc.assert(
      fc.property(arb, (b) => refusalOf(createVmSpecSchema, b) === null),
      { numRuns: RUNS },
    );
  });
});
