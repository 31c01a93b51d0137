import fc from 'fast-check';
import { invalidArbitrary, validArbitrary, withExtraProperties } from './arbitrary';
import type { RefResolver } from './json-schema';
import type { Operation, ParamSpec } from './operations';

// One fuzz case for one operation: who asks (and with which CSRF token), the path and query parameters, and the
// body — each drawn from what the operation's document says is valid, from what it says is not, and from plain
// hostility (path tricks, huge and deeply nested bodies, text that is not JSON).

export const IDENTITIES = ['none', 'malformed', 'unknown', 'viewer', 'operator', 'admin'] as const;
export type Identity = (typeof IDENTITIES)[number];
export type CsrfMode = 'right' | 'missing' | 'wrong';
export type BodyMode = 'none' | 'raw' | 'valid' | 'invalid' | 'junk' | 'json' | 'text' | 'huge' | 'deep' | 'empty';

export interface FuzzBody {
  mode: BodyMode;
  /** What is sent; undefined sends no body. Huge and deep bodies are made when sent (see bodyText). */
  text: string | undefined;
  /** How deep a deep body nests, how many bytes a huge one has: kept small so a failure report stays readable. */
  shape?: { depth: number; kind: 'array' | 'object' } | { bytes: number };
}

/** The text a case sends. */
export function bodyText(body: FuzzBody): string | undefined {
  if (!body.shape) return body.text;
  if ('bytes' in body.shape) return JSON.stringify({ xml: 'x'.repeat(body.shape.bytes) });
  return nested(body.shape.depth, body.shape.kind);
}

export interface FuzzCase {
  identity: Identity;
  csrf: CsrfMode;
  params: Record<string, string>;
  query: Record<string, string>;
  body: FuzzBody;
}

export interface CaseOptions {
  resolve?: RefResolver;
  /** Names that exist right now, by path parameter name (e.g. name → the VMs), tried most often. */
  existing?: Record<string, string[]>;
  /** The same for body properties (e.g. vm, pool, volume), where their schema allows them. */
  hints?: Record<string, string[]>;
  /** Valid bodies from somewhere that knows more than the document (see fuzz/deeper-bodies.ts). */
  validBody?: fc.Arbitrary<unknown>;
  /** Above the JSON body limit: the route must refuse it without reading it all. */
  hugeBytes: number;
}

const HOSTILE = [
  '..',
  '../etc',
  '../../etc/passwd',
  '%2e%2e',
  '%2e%2e%2fetc',
  '..%2f..%2fetc%2fpasswd',
  '/etc/passwd',
  'a/b',
  'a\\b',
  '.hidden',
  '-rf',
  'name\u0000',
  '%00',
  '%zz',
  ' test',
  'test ',
  '*',
  '$(reboot)',
  '`id`',
  '<script>',
  "x' or '1'='1",
  'CON',
  '\u202e',
  'ﬁ',
  'İ',
];

/** A path or query value: an existing name, a valid one, or something hostile. */
export function paramValue(spec: ParamSpec, existing: string[] = [], resolve?: RefResolver): fc.Arbitrary<string> {
  const options: fc.WeightedArbitrary<string>[] = [
    { arbitrary: validArbitrary(spec.schema, { resolve }).map(String), weight: 3 },
    { arbitrary: fc.constantFrom(...HOSTILE), weight: 2 },
    { arbitrary: fc.constantFrom(101, 256, 4096, 20_000).map((n) => 'a'.repeat(n)), weight: 1 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
    { arbitrary: fc.constant(''), weight: 1 },
  ];
  if (existing.length) options.push({ arbitrary: fc.constantFrom(...existing), weight: 6 });
  return fc.oneof(...options);
}

function paramsOf(specs: ParamSpec[], opts: CaseOptions, optionalOut: boolean): fc.Arbitrary<Record<string, string>> {
  const model = Object.fromEntries(specs.map((p) => [p.name, paramValue(p, opts.existing?.[p.name], opts.resolve)]));
  const required = optionalOut ? specs.filter((p) => p.required).map((p) => p.name) : specs.map((p) => p.name);
  return fc.record(model, { requiredKeys: required, noNullPrototype: true });
}

function queryOf(op: Operation, opts: CaseOptions): fc.Arbitrary<Record<string, string>> {
  const junk = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 2, noNullPrototype: true });
  return fc
    .tuple(paramsOf(op.queryParams, opts, true), fc.oneof({ arbitrary: fc.constant({}), weight: 4 }, { arbitrary: junk, weight: 1 }))
    .map(([declared, extra]) => ({ ...extra, ...declared }));
}

const textBody =
  (mode: BodyMode) =>
  (text: string): FuzzBody => ({ mode, text });
/** An upload's content: any code points, a few bytes. */
const rawBody = fc.string({ unit: 'binary', maxLength: 64 }).map(textBody('raw'));

const NOT_JSON = ['{', '{"a":', 'not json', "{'a': 1}", 'NaN', '[1,]', '\u0000', '{"a":1}{"b":2}', '\ufeff{}', '--', 'undefined'];

/** Arrays or objects nested `depth` deep, as text (building the value would overflow the stack first). */
function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

function bodyOf(op: Operation, opts: CaseOptions): fc.Arbitrary<FuzzBody> {
  const schema = op.body;
  const json =
    (mode: BodyMode) =>
    (v: unknown): FuzzBody => ({ mode, text: JSON.stringify(v) });
  const hostile: fc.WeightedArbitrary<FuzzBody>[] = [
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map(json('json')), weight: 1 },
    { arbitrary: fc.oneof(fc.constantFrom(...NOT_JSON), fc.string({ maxLength: 20 }).filter(notJson)).map(textBody('text')), weight: 1 },
    { arbitrary: fc.constant({ mode: 'huge' as const, text: undefined, shape: { bytes: opts.hugeBytes } }), weight: 1 },
    {
      arbitrary: fc
        .record({ depth: fc.constantFrom(100, 5_000, 100_000), kind: fc.constantFrom('array' as const, 'object' as const) })
        .map((shape) => ({ mode: 'deep' as const, text: undefined, shape })),
      weight: 1,
    },
    { arbitrary: fc.constant({ mode: 'empty' as const, text: '' }), weight: 1 },
  ];
  if (op.rawBody) return fc.oneof({ arbitrary: rawBody, weight: 12 }, ...hostile);
  if (!schema) return fc.oneof({ arbitrary: fc.constant({ mode: 'none' as const, text: undefined }), weight: 12 }, ...hostile);
  const options: fc.WeightedArbitrary<FuzzBody>[] = [
    { arbitrary: (opts.validBody ?? validArbitrary(schema, { resolve: opts.resolve, hints: opts.hints })).map(json('valid')), weight: 10 },
    { arbitrary: withExtraProperties(schema, { resolve: opts.resolve, hints: opts.hints }).map(json('junk')), weight: 1 },
    ...hostile,
  ];
  const invalid = invalidArbitrary(schema, { resolve: opts.resolve });
  if (invalid) options.push({ arbitrary: invalid.map(json('invalid')), weight: 5 });
  return fc.oneof(...options);
}

function notJson(s: string): boolean {
  try {
    JSON.parse(s);
    return false;
  } catch {
    return true;
  }
}

const identity = fc.oneof(
  { arbitrary: fc.constant<Identity>('admin'), weight: 8 },
  { arbitrary: fc.constantFrom<Identity>('operator', 'viewer'), weight: 4 },
  { arbitrary: fc.constantFrom<Identity>('none', 'malformed', 'unknown'), weight: 3 },
);
const csrf = fc.oneof({ arbitrary: fc.constant<CsrfMode>('right'), weight: 8 }, { arbitrary: fc.constantFrom<CsrfMode>('missing', 'wrong'), weight: 2 });

/**
 * A request that should get through the door (an admin, the right token, names that exist, a valid body), so the
 * services behind it are reached: with every part random, few cases would.
 */
function likelyAccepted(op: Operation, opts: CaseOptions): fc.Arbitrary<FuzzCase> {
  const param = (p: ParamSpec) => {
    const existing = opts.existing?.[p.name] ?? [];
    return existing.length ? fc.constantFrom(...existing) : validArbitrary(p.schema, { resolve: opts.resolve }).map(String);
  };
  const params = fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, param(p)])), { noNullPrototype: true });
  const query = fc.record(Object.fromEntries(op.queryParams.map((p) => [p.name, validArbitrary(p.schema, { resolve: opts.resolve }).map(String)])), {
    requiredKeys: op.queryParams.filter((p) => p.required).map((p) => p.name),
    noNullPrototype: true,
  });
  const valid = op.body && (opts.validBody ?? validArbitrary(op.body, { resolve: opts.resolve, hints: opts.hints }));
  const body: fc.Arbitrary<FuzzBody> = valid
    ? valid.map((v) => ({ mode: 'valid' as const, text: JSON.stringify(v) }))
    : op.rawBody
      ? rawBody
      : fc.constant({ mode: 'none' as const, text: undefined });
  return fc.record({ identity: fc.constant<Identity>('admin'), csrf: fc.constant<CsrfMode>('right'), params, query, body });
}

/** Half the cases likely accepted, half with every part drawn from everything. */
export function caseArbitrary(op: Operation, opts: CaseOptions): fc.Arbitrary<FuzzCase> {
  const anything = fc.record({ identity, csrf, params: paramsOf(op.pathParams, opts, false), query: queryOf(op, opts), body: bodyOf(op, opts) });
  const cases = fc.oneof(likelyAccepted(op, opts), anything);
  if (!op.rawBody) return cases;
  // An upload declares its size in the query: half the time it is the body's real size, so the upload is tried.
  return fc.tuple(cases, fc.boolean()).map(([c, honest]) => {
    const text = bodyText(c.body);
    return honest && text !== undefined ? { ...c, query: { ...c.query, size: String(Buffer.byteLength(text)) } } : c;
  });
}
