// The part of JSON Schema (2020-12, as OpenAPI 3.1 uses it, plus 3.0's `nullable`) that the API document uses,
// and a small checker for it. The checker is the fuzzer's oracle: the "invalid" generators keep only values it
// refuses, and the generator tests hold the "valid" ones to it.

export type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export interface JsonSchema {
  $ref?: string;
  type?: JsonType | JsonType[];
  nullable?: boolean;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  /** Keys of a record; generated keys are plain strings, which is all the API's records use. */
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  /** A number in 3.1; a boolean beside minimum/maximum in 3.0. */
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  default?: unknown;
  /** Values worth trying; the valid generator picks them often. */
  examples?: unknown[];
  description?: string;
}

/** Resolves local references (#/components/schemas/X) against the document they came from. */
export type RefResolver = (ref: string) => JsonSchema;

export function refResolver(root: unknown): RefResolver {
  return (ref) => {
    if (!ref.startsWith('#/')) throw new Error(`only local references are supported: ${ref}`);
    let at: unknown = root;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      at = (at as Record<string, unknown> | undefined)?.[key];
    }
    if (!at || typeof at !== 'object') throw new Error(`unresolved reference ${ref}`);
    return at;
  };
}

const noRefs: RefResolver = (ref) => {
  throw new Error(`no document to resolve ${ref} against`);
};

/** The schema itself, or what its $ref names. */
export function deref(schema: JsonSchema, resolve: RefResolver = noRefs): JsonSchema {
  let s = schema;
  for (let hops = 0; s.$ref; hops++) {
    if (hops > 20) throw new Error(`reference loop at ${schema.$ref}`);
    s = resolve(s.$ref);
  }
  return s;
}

/** The types a schema names, with `nullable` folded in; null when it names none (any type). */
export function typesOf(schema: JsonSchema): JsonType[] | null {
  if (schema.type === undefined) return null;
  const list = Array.isArray(schema.type) ? [...schema.type] : [schema.type];
  if (schema.nullable && !list.includes('null')) list.push('null');
  return list;
}

export function jsonTypeOf(v: unknown): JsonType | 'other' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isFinite(v) ? (Number.isInteger(v) ? 'integer' : 'number') : 'other';
    case 'object':
      return 'object';
    default:
      return 'other';
  }
}

function typeMatches(t: JsonType, v: unknown): boolean {
  const actual = jsonTypeOf(v);
  return t === actual || (t === 'number' && actual === 'integer');
}

/** Lengths count code points, as JSON Schema says. */
export function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const FORMATS: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  ipv4: /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/,
  email: /^[^\s@]+@[^\s@]+$/,
};

/** Whether `value` satisfies `schema` (the keywords of JsonSchema; unknown formats are not checked). */
export function accepts(schema: JsonSchema, value: unknown, resolve: RefResolver = noRefs): boolean {
  const s = deref(schema, resolve);
  const types = typesOf(s);
  if (types && !types.some((t) => typeMatches(t, value))) return false;
  if ('const' in s && !sameJson(s.const, value)) return false;
  if (s.enum && !s.enum.some((e) => sameJson(e, value))) return false;
  if (s.allOf && !s.allOf.every((b) => accepts(b, value, resolve))) return false;
  if (s.anyOf && !s.anyOf.some((b) => accepts(b, value, resolve))) return false;
  if (s.oneOf && s.oneOf.filter((b) => accepts(b, value, resolve)).length !== 1) return false;
  if (typeof value === 'string') return stringAccepted(s, value);
  if (typeof value === 'number') return numberAccepted(s, value);
  if (Array.isArray(value)) return arrayAccepted(s, value, resolve);
  if (value && typeof value === 'object') return objectAccepted(s, value as Record<string, unknown>, resolve);
  return true;
}

function stringAccepted(s: JsonSchema, v: string): boolean {
  const n = codePoints(v);
  if (s.minLength !== undefined && n < s.minLength) return false;
  if (s.maxLength !== undefined && n > s.maxLength) return false;
  if (s.pattern !== undefined && !new RegExp(s.pattern).test(v)) return false;
  const format = s.format ? FORMATS[s.format] : undefined;
  return !format || format.test(v);
}

function numberAccepted(s: JsonSchema, v: number): boolean {
  const { min, max, minExcluded, maxExcluded } = bounds(s);
  if (min !== undefined && (minExcluded ? v <= min : v < min)) return false;
  if (max !== undefined && (maxExcluded ? v >= max : v > max)) return false;
  return true;
}

function arrayAccepted(s: JsonSchema, v: unknown[], resolve: RefResolver): boolean {
  if (s.minItems !== undefined && v.length < s.minItems) return false;
  if (s.maxItems !== undefined && v.length > s.maxItems) return false;
  return !s.items || v.every((item) => accepts(s.items!, item, resolve));
}

function objectAccepted(s: JsonSchema, v: Record<string, unknown>, resolve: RefResolver): boolean {
  for (const key of s.required ?? []) if (!Object.hasOwn(v, key)) return false;
  for (const [key, item] of Object.entries(v)) {
    const declared = s.properties?.[key];
    if (declared) {
      if (!accepts(declared, item, resolve)) return false;
    } else if (s.additionalProperties === false) {
      return false;
    } else if (typeof s.additionalProperties === 'object' && !accepts(s.additionalProperties, item, resolve)) {
      return false;
    }
  }
  return true;
}

export interface Bounds {
  min?: number;
  max?: number;
  minExcluded: boolean;
  maxExcluded: boolean;
}

/** The numeric bounds in either dialect: 3.1's numeric exclusive bounds or 3.0's boolean flags. */
export function bounds(s: JsonSchema): Bounds {
  const b: Bounds = { min: s.minimum, max: s.maximum, minExcluded: false, maxExcluded: false };
  if (typeof s.exclusiveMinimum === 'number') {
    if (b.min === undefined || s.exclusiveMinimum >= b.min) Object.assign(b, { min: s.exclusiveMinimum, minExcluded: true });
  } else if (s.exclusiveMinimum === true) b.minExcluded = true;
  if (typeof s.exclusiveMaximum === 'number') {
    if (b.max === undefined || s.exclusiveMaximum <= b.max) Object.assign(b, { max: s.exclusiveMaximum, maxExcluded: true });
  } else if (s.exclusiveMaximum === true) b.maxExcluded = true;
  return b;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
