import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generatable, invalidArbitrary, validArbitrary, withExtraProperties } from './arbitrary';
import { accepts, type JsonSchema } from './json-schema';

// The generators against the schema they came from (valid ones accepted, invalid ones refused) and against the
// zod schema the JSON Schema was made from, for every keyword the API document uses.

const RUNS = { numRuns: 200 };

function holdsBothWays(schema: JsonSchema) {
  fc.assert(
    fc.property(validArbitrary(schema), (v) => accepts(schema, v)),
    RUNS,
  );
  const bad = invalidArbitrary(schema);
  if (bad)
    fc.assert(
      fc.property(bad, (v) => !accepts(schema, v)),
      RUNS,
    );
}

/** Valid values zod accepts and invalid ones zod refuses, through zod's own JSON Schema of it. */
function agreesWithZod(schema: z.ZodType) {
  const json = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  fc.assert(
    fc.property(validArbitrary(json), (v) => schema.safeParse(v).success),
    RUNS,
  );
  const bad = invalidArbitrary(json);
  if (bad)
    fc.assert(
      fc.property(bad, (v) => !schema.safeParse(v).success),
      RUNS,
    );
}

const sample = (arb: fc.Arbitrary<unknown>, n = 300) => fc.sample(arb, { numRuns: n, seed: 7 });

describe('validArbitrary and invalidArbitrary', () => {
  it('objects: required keys always, optional keys sometimes, declared properties valid', () => {
    const s: JsonSchema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'boolean' } }, required: ['a'] };
    holdsBothWays(s);
    const values = sample(validArbitrary(s)) as Record<string, unknown>[];
    expect(values.every((v) => typeof v.a === 'string')).toBe(true);
    expect(values.some((v) => 'b' in v)).toBe(true);
    expect(values.some((v) => !('b' in v))).toBe(true);
    const bad = sample(invalidArbitrary(s)!);
    expect(bad.some((v) => v && typeof v === 'object' && !Array.isArray(v) && !('a' in v))).toBe(true);
  });

  it('strings: lengths, patterns, enums, formats, and the longest allowed value', () => {
    holdsBothWays({ type: 'string', minLength: 2, maxLength: 5 });
    holdsBothWays({ type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._+-]*$', maxLength: 100 });
    holdsBothWays({ type: 'string', enum: ['a', 'b'] });
    holdsBothWays({ type: 'string', format: 'uuid' });
    const long = sample(validArbitrary({ type: 'string', maxLength: 200 })) as string[];
    expect(long.some((v) => v.length === 200)).toBe(true);
    expect(long.every((v) => v === v.trim())).toBe(true);
  });

  it('numbers and integers: bounds (inclusive, exclusive) and integrality, up to 2^53', () => {
    holdsBothWays({ type: 'integer', minimum: 1, maximum: 500 });
    holdsBothWays({ type: 'integer', exclusiveMinimum: 0 });
    holdsBothWays({ type: 'number', exclusiveMinimum: 0, maximum: 65536 });
    holdsBothWays({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
    const big = sample(validArbitrary({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER })) as number[];
    expect(big.some((v) => v > 2 ** 32)).toBe(true);
    expect(big.every((v) => Number.isSafeInteger(v))).toBe(true);
  });

  it('booleans, null and nullable types', () => {
    holdsBothWays({ type: 'boolean' });
    holdsBothWays({ type: ['string', 'null'], maxLength: 3 });
    holdsBothWays({ type: 'integer', nullable: true, minimum: 68 });
    expect(sample(validArbitrary({ type: ['object', 'null'], properties: {} }))).toContain(null);
  });

  it('arrays: item counts and items', () => {
    const s: JsonSchema = { type: 'array', items: { type: 'string', maxLength: 4 }, minItems: 1, maxItems: 3 };
    holdsBothWays(s);
    const lengths = new Set((sample(validArbitrary(s)) as unknown[][]).map((a) => a.length));
    expect([...lengths].sort()).toEqual([1, 2, 3]);
  });

  it('anyOf, oneOf with and without a discriminator, allOf, const', () => {
    const a: JsonSchema = { type: 'object', properties: { kind: { const: 'a' }, n: { type: 'integer' } }, required: ['kind', 'n'] };
    const b: JsonSchema = { type: 'object', properties: { kind: { type: 'string', enum: ['b'] } }, required: ['kind'] };
    holdsBothWays({ oneOf: [a, b] });
    holdsBothWays({ oneOf: [a, b], discriminator: { propertyName: 'kind' } });
    holdsBothWays({ anyOf: [{ type: 'string', maxLength: 2 }, { type: 'null' }] });
    const x: JsonSchema = { type: 'object', properties: { x: { type: 'integer' } }, required: ['x'] };
    holdsBothWays({ allOf: [x, { properties: { y: { type: 'boolean' } }, required: ['y'] }] });
    const kinds = new Set((sample(validArbitrary({ oneOf: [a, b] })) as { kind: string }[]).map((v) => v.kind));
    expect(kinds).toEqual(new Set(['a', 'b']));
    const bad = sample(invalidArbitrary({ oneOf: [a, b], discriminator: { propertyName: 'kind' } })!) as { kind?: string }[];
    expect(bad.some((v) => v?.kind === 'no-such-kind')).toBe(true);
  });

  it('records (additionalProperties) and overlapping oneOf branches', () => {
    holdsBothWays({ type: 'object', additionalProperties: { type: 'integer', minimum: 0 } });
    holdsBothWays({ type: 'object', additionalProperties: {} });
    // 12 is both an integer and >= 10: a oneOf of these two must never produce it.
    holdsBothWays({ oneOf: [{ type: 'integer' }, { type: 'number', minimum: 10 }] });
  });

  it('tries examples and hinted names often, only where the schema accepts them', () => {
    const s: JsonSchema = { type: 'string', maxLength: 10, examples: ['1', 'true', 'far too long to fit'] };
    holdsBothWays(s);
    const values = sample(validArbitrary(s)) as string[];
    expect(values.filter((v) => v === '1' || v === 'true').length).toBeGreaterThan(60);
    const o: JsonSchema = { type: 'object', properties: { vm: { type: 'string', maxLength: 5 }, kind: { type: 'string' } }, required: ['vm', 'kind'] };
    const named = sample(validArbitrary(o, { hints: { vm: ['web', 'much-too-long'], kind: [] } })) as { vm: string }[];
    expect(named.filter((v) => v.vm === 'web').length).toBeGreaterThan(60);
    expect(named.some((v) => v.vm === 'much-too-long')).toBe(false);
    const list: JsonSchema = { type: 'object', properties: { volumes: { type: 'array', items: { type: 'string', maxLength: 4 } } }, required: ['volumes'] };
    const lists = sample(validArbitrary(list, { hints: { volumes: ['/a', '/b', '/too-long'] } })) as { volumes: string[] }[];
    expect(lists.filter((v) => v.volumes.length === 0).length).toBeGreaterThan(30);
    expect(lists.some((v) => v.volumes.includes('/a'))).toBe(true);
    expect(lists.some((v) => v.volumes.includes('/too-long'))).toBe(false);
  });

  it('has no invalid values for a schema that accepts everything', () => {
    expect(invalidArbitrary({})).toBeNull();
  });

  it('adds undeclared junk keys to a valid object', () => {
    const s: JsonSchema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
    const values = sample(withExtraProperties(s), 50) as Record<string, unknown>[];
    expect(values.every((v) => typeof v.a === 'string' && Object.keys(v).length > 1)).toBe(true);
  });
});

describe('agreement with zod through its JSON Schema', () => {
  it('objects, strings, numbers, booleans, arrays', () => {
    agreesWithZod(
      z.object({
        name: z
          .string()
          .trim()
          .min(1)
          .max(50)
          .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
        note: z.string().max(20).optional(),
        count: z.number().int().min(1).max(4096),
        size: z.number().positive().max(65536),
        on: z.boolean(),
        tags: z.array(z.string().max(8)).min(1).max(3),
        role: z.enum(['admin', 'viewer']),
        bridge: z.string().trim().max(15).default(''),
      }),
    );
  });

  it('literals, discriminated unions, unions with null, records, defaults, nullable', () => {
    agreesWithZod(
      z.object({
        kind: z.literal('x'),
        source: z.discriminatedUnion('type', [z.object({ type: z.literal('network'), network: z.string().max(9) }), z.object({ type: z.literal('bridge') })]),
        media: z.union([z.object({ pool: z.string(), volume: z.string() }), z.object({ path: z.string() }), z.null()]),
        labels: z.record(z.string(), z.number().int()),
        mtu: z.number().int().min(68).max(65535).nullable().default(null),
        start: z.boolean().default(true),
        id: z.uuid(),
      }),
    );
  });
});

describe('generatable', () => {
  it('leaves look-arounds out (outside character classes and escapes), keeping the rest', () => {
    expect(generatable('^(?=.{1,5}$)[a-z]+$').source).toBe('^[a-z]+$');
    expect(generatable('^(?![.-])(?<!x)[a(?=]\\(x\\)$').source).toBe('^[a(?=]\\(x\\)$');
    expect(generatable('^(?=(a|b))(c)$').source).toBe('^(c)$');
  });

  it('still gives only matching values for a pattern with look-ahead', () => {
    holdsBothWays({ type: 'string', pattern: '^(?=.{1,10}$)[a-z]+(\\.[a-z]+)*$' });
  });
});
