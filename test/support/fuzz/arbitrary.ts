import fc from 'fast-check';
import { accepts, bounds, codePoints, deref, type JsonSchema, type JsonType, type RefResolver, typesOf } from './json-schema';

// JSON Schema → fast-check arbitraries, in two modes:
// - valid: values the schema accepts. Strings never start or end with white space: the routes' zod schemas trim
//   before they count or match, which JSON Schema cannot say, and a value trimmed to nothing would be refused.
// - invalid: values the schema refuses, made by one mutation each (wrong type, a required key missing, one
//   property broken, a bound crossed, a pattern or enum missed) and checked by `accepts`, so each is surely wrong.

export interface GenOptions {
  /** Resolves $ref against the document the schema came from. */
  resolve?: RefResolver;
  /** How deep arrays and objects nest before only required content is generated (default 4). */
  maxDepth?: number;
  /** Upper bound on generated array lengths above minItems (default 4). */
  extraItems?: number;
  /**
   * Values to try often for object properties of these names (e.g. vm → the VMs that exist), where the property's
   * schema accepts them: a body naming something that exists gets past "not found". For an array property, some
   * of them (none, too) make its value.
   */
  hints?: Record<string, string[]>;
}

interface Ctx {
  resolve: RefResolver | undefined;
  maxDepth: number;
  extraItems: number;
  hints: Record<string, string[]>;
}

const INT32 = 2 ** 31;
/** Strings this long or shorter are generated one unit at a time; longer boundary strings repeat one character. */
const SHORT = 64;

const ctxOf = (o: GenOptions): Ctx => ({ resolve: o.resolve, maxDepth: o.maxDepth ?? 4, extraItems: o.extraItems ?? 4, hints: o.hints ?? {} });

export function validArbitrary(schema: JsonSchema, opts: GenOptions = {}): fc.Arbitrary<unknown> {
  return valid(schema, ctxOf(opts), 0);
}

/** Values `schema` refuses; null when it accepts every JSON value. */
export function invalidArbitrary(schema: JsonSchema, opts: GenOptions = {}): fc.Arbitrary<unknown> | null {
  const c = ctxOf(opts);
  const candidates = invalidCandidates(schema, c, 0);
  if (!candidates.length) return null;
  return fc.oneof(...candidates).filter((v) => !accepts(schema, v, c.resolve));
}

/** A valid object with junk keys the schema does not declare (zod strips them; strict schemas refuse them). */
export function withExtraProperties(schema: JsonSchema, opts: GenOptions = {}): fc.Arbitrary<unknown> {
  const s = deref(schema, opts.resolve);
  const declared = new Set(Object.keys(s.properties ?? {}));
  const key = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !declared.has(k));
  const junk = fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 4 });
  return fc.tuple(validArbitrary(schema, opts), junk).map(([v, extra]) => (isPlainObject(v) ? { ...v, ...extra } : v));
}

// ---- valid ----

function valid(schema: JsonSchema, c: Ctx, depth: number): fc.Arbitrary<unknown> {
  const s = deref(schema, c.resolve);
  const { examples, ...rest } = s;
  const tried = (examples ?? []).filter((e) => accepts(rest, e, c.resolve));
  return tried.length ? oftenOneOf(tried, validOf(rest, c, depth)) : validOf(s, c, depth);
}

/** One of `values` half the time, else from `other`. */
function oftenOneOf(values: unknown[], other: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(fc.constantFrom(...values), other);
}

function validOf(s: JsonSchema, c: Ctx, depth: number): fc.Arbitrary<unknown> {
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.allOf) return valid(mergeAllOf(s, c), c, depth);
  const branches = s.oneOf ?? s.anyOf;
  if (branches) {
    const rest = withoutCombinators(s);
    const arb = fc.oneof(...branches.map((b) => valid(merge(rest, deref(b, c.resolve)), c, depth)));
    // Branches of a oneOf may overlap; a value two of them accept is not valid.
    return s.oneOf ? arb.filter((v) => accepts(s, v, c.resolve)) : arb;
  }
  const types = typesOf(s) ?? impliedTypes(s);
  if (!types) return anyJson(depth, c);
  const arbs = types.map((t) => validOfType(t, s, c, depth));
  return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
}

function validOfType(t: JsonType, s: JsonSchema, c: Ctx, depth: number): fc.Arbitrary<unknown> {
  switch (t) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return integerIn(s) ?? fail(`no integer satisfies ${JSON.stringify(s)}`);
    case 'number': {
      const int = integerIn(s);
      return int ? fc.oneof(doubleIn(s), int) : doubleIn(s);
    }
    case 'string':
      return validString(s);
    case 'array':
      return validArray(s, c, depth);
    case 'object':
      return validObject(s, c, depth);
  }
}

/** Integers within the bounds (safe integers only, as zod's int() demands); null when there are none. */
function integerIn(s: JsonSchema): fc.Arbitrary<number> | null {
  const b = bounds(s);
  let lo = b.min === undefined ? -INT32 : b.minExcluded && Number.isInteger(b.min) ? b.min + 1 : Math.ceil(b.min);
  let hi = b.max === undefined ? Math.max(lo, 0) + INT32 - 1 : b.maxExcluded && Number.isInteger(b.max) ? b.max - 1 : Math.floor(b.max);
  lo = Math.max(lo, Number.MIN_SAFE_INTEGER);
  hi = Math.min(hi, Number.MAX_SAFE_INTEGER);
  if (lo > hi) return null;
  if (lo >= -INT32 && hi < INT32) return fc.integer({ min: lo, max: hi });
  return fc.bigInt({ min: BigInt(lo), max: BigInt(hi) }).map(Number);
}

function doubleIn(s: JsonSchema): fc.Arbitrary<number> {
  const b = bounds(s);
  return fc
    .double({ min: b.min, max: b.max, minExcluded: b.minExcluded, maxExcluded: b.maxExcluded, noNaN: true, noDefaultInfinity: true })
    .map((n) => (Object.is(n, -0) ? 0 : n));
}

const FORMAT_ARBS: Record<string, () => fc.Arbitrary<string>> = {
  uuid: () => fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] }),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  email: () => fc.emailAddress(),
  'date-time': () => fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString()),
  uri: () => fc.webUrl(),
  hostname: () => fc.domain(),
};

const anyUnit = fc.oneof(
  { arbitrary: fc.constantFrom('grapheme-ascii' as const), weight: 3 },
  { arbitrary: fc.constantFrom('grapheme' as const, 'binary' as const), weight: 1 },
);

function validString(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? Number.POSITIVE_INFINITY;
  const fits = (v: string) => v === v.trim() && codePoints(v) >= min && v.length <= max && (!s.pattern || new RegExp(s.pattern).test(v));
  // A pattern says more than a format name (zod writes both), so it leads.
  if (s.pattern)
    return fc
      .stringMatching(generatable(s.pattern), { maxLength: Math.min(max, min + SHORT) })
      .map((v) => v.trim())
      .filter(fits);
  const format = s.format ? FORMAT_ARBS[s.format] : undefined;
  if (format) return format().filter(fits);
  const short = anyUnit
    .chain((unit) => fc.string({ unit, minLength: min, maxLength: Math.min(max, min + SHORT) }))
    .map((v) => cutTo(v.trim(), max))
    .filter(fits);
  if (!Number.isFinite(max) || max <= SHORT) return short;
  // The longest string allowed, too: limits are where off-by-one mistakes live.
  const longest = fc.constantFrom('x', 'é', '中').map((ch) => ch.repeat(max));
  return fc.oneof({ arbitrary: short, weight: 9 }, { arbitrary: longest, weight: 1 });
}

/**
 * fast-check cannot generate from look-arounds: they are left out of the pattern generated from (a looser one),
 * and `fits` holds each value to the whole pattern.
 */
export function generatable(pattern: string): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (/^\(\?<?[=!]/.test(pattern.slice(i))) {
      i = closingParen(pattern, i);
    } else out += ch;
  }
  return new RegExp(out);
}

/** The index of the ")" closing the group opened at `open`. */
function closingParen(pattern: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  throw new Error(`unbalanced group in /${pattern}/`);
}

/** At most `max` UTF-16 units (zod counts those), without splitting a surrogate pair. */
function cutTo(v: string, max: number): string {
  if (v.length <= max) return v;
  const cut = v.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function validArray(s: JsonSchema, c: Ctx, depth: number): fc.Arbitrary<unknown[]> {
  const min = s.minItems ?? 0;
  const max = Math.min(s.maxItems ?? Number.POSITIVE_INFINITY, depth >= c.maxDepth ? min : min + c.extraItems);
  return fc.array(s.items ? valid(s.items, c, depth + 1) : anyJson(depth + 1, c), { minLength: min, maxLength: max });
}

function validObject(s: JsonSchema, c: Ctx, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const deep = depth >= c.maxDepth;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, p] of Object.entries(props)) {
    if (deep && !required.has(k)) continue;
    const hinted = hintedValue(k, p, c);
    model[k] = hinted ? fc.oneof(hinted, valid(p, c, depth + 1)) : valid(p, c, depth + 1);
  }
  const value = () => (typeof s.additionalProperties === 'object' ? valid(s.additionalProperties, c, depth + 1) : anyJson(depth + 1, c));
  for (const k of required) if (!(k in model)) model[k] = value();
  const declared = fc.record(model, { requiredKeys: [...required], noNullPrototype: true });
  if (Object.keys(props).length || s.additionalProperties === false || deep) return declared;
  // A record (additionalProperties only): a few keys of its value schema.
  const extra = fc.dictionary(fc.string({ maxLength: 16 }), value(), { maxKeys: 5, noNullPrototype: true });
  return fc.tuple(declared, extra).map(([d, more]) => ({ ...more, ...d }));
}

function hintedValue(key: string, schema: JsonSchema, c: Ctx): fc.Arbitrary<unknown> | null {
  const values = c.hints[key] ?? [];
  const s = deref(schema, c.resolve);
  const items = s.items;
  if (items && (typesOf(s) ?? impliedTypes(s))?.includes('array')) {
    const fit = values.filter((v) => accepts(items, v, c.resolve));
    return fit.length ? fc.subarray(fit).filter((a) => accepts(s, a, c.resolve)) : null;
  }
  const fit = values.filter((v) => accepts(s, v, c.resolve));
  return fit.length ? fc.constantFrom(...fit) : null;
}

function anyJson(depth: number, c: Ctx): fc.Arbitrary<unknown> {
  return fc.jsonValue({ maxDepth: Math.max(0, c.maxDepth - depth) });
}

// ---- invalid ----

function invalidCandidates(schema: JsonSchema, c: Ctx, depth: number): fc.Arbitrary<unknown>[] {
  const s = deref(schema, c.resolve);
  const out: fc.Arbitrary<unknown>[] = [];
  const wrong = wrongType(s, c);
  if (wrong) out.push(wrong);
  if (s.enum || 'const' in s) out.push(fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.constant('no-such-value')));
  if (depth > c.maxDepth) return out;
  if (s.allOf) out.push(...invalidCandidates(mergeAllOf(s, c), c, depth));
  const branches = s.oneOf ?? s.anyOf;
  if (branches) {
    const rest = withoutCombinators(s);
    for (const b of branches) out.push(...invalidCandidates(merge(rest, deref(b, c.resolve)), c, depth));
    const tag = discriminatorOf(s, c);
    if (tag) out.push(valid(merge(rest, deref(branches[0]!, c.resolve)), c, depth).map((v) => (isPlainObject(v) ? { ...v, [tag]: 'no-such-kind' } : v)));
    return out;
  }
  for (const t of typesOf(s) ?? impliedTypes(s) ?? []) out.push(...invalidOfType(t, s, c, depth));
  return out;
}

function invalidOfType(t: JsonType, s: JsonSchema, c: Ctx, depth: number): fc.Arbitrary<unknown>[] {
  const out: fc.Arbitrary<unknown>[] = [];
  const b = bounds(s);
  switch (t) {
    case 'string': {
      // Plain 'x's: nothing a trimming validator could cut back within the limit.
      if (s.maxLength !== undefined) out.push(fc.integer({ min: 1, max: 40 }).map((n) => 'x'.repeat(s.maxLength! + n)));
      if (s.minLength) out.push(fc.integer({ min: 0, max: s.minLength - 1 }).map((n) => 'x'.repeat(n)));
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        const tries = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('../etc/passwd', '-rf', 'a b', 'ü', '<x/>'));
        out.push(tries.filter((v) => v === v.trim() && !re.test(v)));
      }
      if (s.format) out.push(fc.constantFrom('not-a-' + s.format, '0', 'x'.repeat(40)));
      break;
    }
    case 'integer':
    case 'number': {
      if (t === 'integer') out.push(fc.integer({ min: -1000, max: 1000 }).map((n) => n + 0.5));
      if (b.min !== undefined) out.push(b.minExcluded ? fc.constant(b.min) : fc.integer({ min: 1, max: 1000 }).map((n) => b.min! - n));
      if (b.max !== undefined) out.push(b.maxExcluded ? fc.constant(b.max) : fc.integer({ min: 1, max: 1000 }).map((n) => b.max! + n));
      break;
    }
    case 'array': {
      const item = s.items ? valid(s.items, c, depth + 1) : fc.jsonValue({ maxDepth: 1 });
      if (s.maxItems !== undefined) out.push(fc.array(item, { minLength: s.maxItems + 1, maxLength: s.maxItems + 3 }));
      if (s.minItems) out.push(fc.constant([]));
      if (s.items) {
        const bad = invalidCandidates(s.items, c, depth + 1);
        if (bad.length) out.push(fc.tuple(validArray(s, c, depth), fc.oneof(...bad), fc.nat()).map(([arr, item, at]) => insertAt(arr, item, at)));
      }
      break;
    }
    case 'object':
      out.push(...invalidObjects(s, c, depth));
      break;
    default:
      break;
  }
  return out;
}

function invalidObjects(s: JsonSchema, c: Ctx, depth: number): fc.Arbitrary<unknown>[] {
  const out: fc.Arbitrary<unknown>[] = [];
  const base = validObject(s, c, depth);
  const required = s.required ?? [];
  if (required.length) {
    out.push(
      fc.tuple(base, fc.constantFrom(...required)).map(([o, k]) => {
        const { [k]: _gone, ...rest } = o;
        return rest;
      }),
    );
  }
  for (const [k, p] of Object.entries(s.properties ?? {})) {
    const bad = invalidCandidates(p, c, depth + 1);
    if (bad.length) out.push(fc.tuple(base, fc.oneof(...bad)).map(([o, v]) => ({ ...o, [k]: v })));
  }
  if (s.additionalProperties === false) out.push(base.map((o) => ({ ...o, 'no-such-field': 1 })));
  return out;
}

const WRONG: Record<JsonType, fc.Arbitrary<unknown>> = {
  string: fc.oneof(fc.string({ maxLength: 10 }), fc.constant('')),
  integer: fc.oneof(fc.integer(), fc.constant(0)),
  number: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  object: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
};

/** A value of a JSON type the schema does not allow; null when it allows every type. */
function wrongType(s: JsonSchema, c: Ctx): fc.Arbitrary<unknown> | null {
  const allowed = typesOf(s) ?? impliedTypes(s);
  if (!allowed) return null;
  const all = new Set<JsonType>(allowed);
  if (all.has('number')) all.add('integer');
  const others = (Object.keys(WRONG) as JsonType[]).filter((t) => !all.has(t));
  return others.length ? fc.oneof(...others.map((t) => WRONG[t])).filter((v) => !accepts(s, v, c.resolve)) : null;
}

// ---- schema helpers ----

function impliedTypes(s: JsonSchema): JsonType[] | null {
  if (s.properties || s.additionalProperties !== undefined || s.required) return ['object'];
  if (s.items) return ['array'];
  return null;
}

function withoutCombinators(s: JsonSchema): JsonSchema {
  const { oneOf: _o, anyOf: _a, allOf: _l, discriminator: _d, ...rest } = s;
  return rest;
}

/** The schema with `extra` laid over it: properties and required lists are united. */
function merge(base: JsonSchema, extra: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...base, ...extra };
  if (base.properties || extra.properties) out.properties = { ...base.properties, ...extra.properties };
  if (base.required || extra.required) out.required = [...new Set([...(base.required ?? []), ...(extra.required ?? [])])];
  return out;
}

function mergeAllOf(s: JsonSchema, c: Ctx): JsonSchema {
  const { allOf, ...rest } = s;
  return (allOf ?? []).reduce<JsonSchema>((acc, part) => merge(acc, deref(part, c.resolve)), rest);
}

/** The property whose constant value picks a branch: the declared discriminator, or one every branch fixes. */
function discriminatorOf(s: JsonSchema, c: Ctx): string | null {
  if (s.discriminator) return s.discriminator.propertyName;
  const branches = (s.oneOf ?? s.anyOf ?? []).map((b) => deref(b, c.resolve));
  const first = branches[0]?.properties ?? {};
  return (
    Object.keys(first).find((k) =>
      branches.every((b) => {
        const p = b.properties?.[k] && deref(b.properties[k], c.resolve);
        return p && (b.required ?? []).includes(k) && ('const' in p || p.enum?.length === 1);
      }),
    ) ?? null
  );
}

function insertAt<T>(arr: T[], item: T, at: number): T[] {
  const i = arr.length ? at % (arr.length + 1) : 0;
  return [...arr.slice(0, i), item, ...arr.slice(i)];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(message: string): never {
  throw new Error(message);
}
