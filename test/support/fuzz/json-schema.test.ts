import { describe, expect, it } from 'vitest';
import { accepts, bounds, deref, refResolver, type JsonSchema } from './json-schema';

// The oracle the fuzzer's generators are held to: each keyword, both ways.

describe('accepts', () => {
  it('checks types, with integer inside number and nullable folded in', () => {
    expect(accepts({ type: 'number' }, 3)).toBe(true);
    expect(accepts({ type: 'integer' }, 3.5)).toBe(false);
    expect(accepts({ type: 'integer' }, 3)).toBe(true);
    expect(accepts({ type: 'string' }, null)).toBe(false);
    expect(accepts({ type: 'string', nullable: true }, null)).toBe(true);
    expect(accepts({ type: ['string', 'null'] }, null)).toBe(true);
    expect(accepts({ type: 'object' }, [])).toBe(false);
    expect(accepts({ type: 'array' }, {})).toBe(false);
    expect(accepts({}, { anything: [1] })).toBe(true);
  });

  it('checks string lengths in code points, patterns and known formats', () => {
    const s: JsonSchema = { type: 'string', minLength: 2, maxLength: 3 };
    expect(accepts(s, 'a')).toBe(false);
    expect(accepts(s, 'abc')).toBe(true);
    expect(accepts(s, 'abcd')).toBe(false);
    expect(accepts(s, '😀😀')).toBe(true);
    expect(accepts({ type: 'string', pattern: '^[a-z]+$' }, 'abc')).toBe(true);
    expect(accepts({ type: 'string', pattern: '^[a-z]+$' }, 'ab1')).toBe(false);
    expect(accepts({ type: 'string', pattern: 'b' }, 'abc')).toBe(true);
    expect(accepts({ type: 'string', format: 'uuid' }, '6f1c2a8e-3b7d-4c1e-9a2b-0c4d5e6f7a8b')).toBe(true);
    expect(accepts({ type: 'string', format: 'uuid' }, 'nope')).toBe(false);
    expect(accepts({ type: 'string', format: 'no-such-format' }, 'anything')).toBe(true);
  });

  it('checks numeric bounds in both dialects', () => {
    expect(accepts({ type: 'number', minimum: 1, maximum: 2 }, 2)).toBe(true);
    expect(accepts({ type: 'number', exclusiveMinimum: 0 }, 0)).toBe(false);
    expect(accepts({ type: 'number', minimum: 0, exclusiveMinimum: true }, 0)).toBe(false);
    expect(accepts({ type: 'number', maximum: 5, exclusiveMaximum: true }, 5)).toBe(false);
    expect(accepts({ type: 'number', exclusiveMaximum: 5 }, 4.9)).toBe(true);
    expect(bounds({ minimum: 1, exclusiveMinimum: 3 })).toMatchObject({ min: 3, minExcluded: true });
  });

  it('checks enum and const by value, objects included', () => {
    expect(accepts({ enum: ['a', 'b'] }, 'b')).toBe(true);
    expect(accepts({ enum: ['a', 'b'] }, 'c')).toBe(false);
    expect(accepts({ const: { x: 1, y: [2] } }, { y: [2], x: 1 })).toBe(true);
    expect(accepts({ const: { x: 1 } }, { x: 1, y: 1 })).toBe(false);
  });

  it('checks required and declared properties, and what additionalProperties says of the rest', () => {
    const s: JsonSchema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
    expect(accepts(s, { a: 'x', extra: 1 })).toBe(true);
    expect(accepts(s, {})).toBe(false);
    expect(accepts(s, { a: 1 })).toBe(false);
    expect(accepts({ ...s, additionalProperties: false }, { a: 'x', extra: 1 })).toBe(false);
    expect(accepts({ type: 'object', additionalProperties: { type: 'number' } }, { k: 1 })).toBe(true);
    expect(accepts({ type: 'object', additionalProperties: { type: 'number' } }, { k: 'x' })).toBe(false);
  });

  it('checks array sizes and items', () => {
    const s: JsonSchema = { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 2 };
    expect(accepts(s, [])).toBe(false);
    expect(accepts(s, [1, 2])).toBe(true);
    expect(accepts(s, [1, 2, 3])).toBe(false);
    expect(accepts(s, [1.5])).toBe(false);
  });

  it('checks anyOf (one branch), oneOf (exactly one) and allOf (every)', () => {
    const a: JsonSchema = { type: 'integer' };
    const b: JsonSchema = { type: 'number', minimum: 10 };
    expect(accepts({ anyOf: [a, b] }, 12)).toBe(true);
    expect(accepts({ oneOf: [a, b] }, 12)).toBe(false);
    expect(accepts({ oneOf: [a, b] }, 12.5)).toBe(true);
    expect(accepts({ allOf: [a, b] }, 12)).toBe(true);
    expect(accepts({ allOf: [a, b] }, 9)).toBe(false);
  });

  it('follows local references', () => {
    const doc = { components: { schemas: { Name: { type: 'string', maxLength: 2 } } } };
    const resolve = refResolver(doc);
    expect(deref({ $ref: '#/components/schemas/Name' }, resolve)).toEqual({ type: 'string', maxLength: 2 });
    expect(accepts({ type: 'array', items: { $ref: '#/components/schemas/Name' } }, ['ab'], resolve)).toBe(true);
    expect(accepts({ type: 'array', items: { $ref: '#/components/schemas/Name' } }, ['abc'], resolve)).toBe(false);
    expect(() => deref({ $ref: '#/components/schemas/Missing' }, resolve)).toThrow(/unresolved/);
  });
});
