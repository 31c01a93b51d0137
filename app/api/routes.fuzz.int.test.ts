import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { validArbitrary } from '@/test/support/fuzz/arbitrary';
import { CROSS_FIELD_RULES, deeperBodies } from '@/test/support/fuzz/deeper-bodies';
import { restoreDriver, type DriverState } from '@/test/support/fuzz/driver-state';
import {
  bodyHints,
  dbState,
  existingNames,
  FIXTURE,
  removeFixtures,
  seedFixtures,
  worldDiff,
  worldState,
  xmlCorpus,
  type WorldState,
} from '@/test/support/fuzz/fuzz-world';
import { refResolver } from '@/test/support/fuzz/json-schema';
import { operationsOf, urlOf, type OpenApiDocument, type Operation } from '@/test/support/fuzz/operations';
import { bodyText, caseArbitrary, type FuzzCase, type Identity } from '@/test/support/fuzz/request-cases';
import { testDriverUri } from '@/test/support/test-libvirtd';
import { withTestDatabase } from '@/test/support/with-test-database';
import { createUser } from '@/lib/auth/accounts';
import { createSession } from '@/lib/auth/session';
import { localHost } from '@/lib/hosts';
import { MAX_JSON_BODY } from '@/lib/http/body';
import { buildOpenApi } from '@/lib/http/openapi';
import { cancelJob, jobSettled } from '@/lib/jobs/runner';
import { insertJob, patchJob } from '@/lib/jobs/store';
import { connect } from '@/lib/libvirt';
import { allRoutes } from './routes';

// The fuzz tier: every route of the OpenAPI document, called as Next calls it, with generated parameters, queries,
// bodies (valid by the document, invalid by it, and hostile), sessions of every role and none, and right, wrong
// and missing CSRF tokens, against libvirt's in-memory test driver through the real libvirtd. For every request:
// no 5xx, an error body with `error`, no crash, the status the session and CSRF rules demand, and — when the
// request was refused — nothing changed in libvirt or the database.
//
// VIREO_FUZZ_SEED repeats a run, VIREO_FUZZ_RUNS sets the cases per route (default 30), VIREO_FUZZ_ONLY keeps the
// routes whose "METHOD /path" contains it. Each route starts from the same seeded state, so a failure repeats from its seed.

// The routes' local host is the in-memory test driver (settings are read when the host is first asked for).
process.env.LIBVIRT_URI = testDriverUri;
const RUNS = Number(process.env.VIREO_FUZZ_RUNS ?? 30);
const SEED = Number(process.env.VIREO_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ONLY = process.env.VIREO_FUZZ_ONLY ?? '';
/** VIREO_FUZZ_VERBOSE=1 prints every case and its answer. */
const VERBOSE = process.env.VIREO_FUZZ_VERBOSE === '1';
const ANSWER_WITHIN_MS = 30_000;
const PASSWORD = 'correct horse battery staple';

withTestDatabase();

type Placed = ReturnType<typeof allRoutes>[number];
type Handler = Placed['handler'];
type Role = 'admin' | 'operator' | 'viewer';
const ROLES: Role[] = ['admin', 'operator', 'viewer'];

const doc = buildOpenApi(allRoutes(), { version: 'fuzz' }) as unknown as OpenApiDocument;
const resolve = refResolver(doc);
const operations = new Map(operationsOf(doc).map((o) => [o.key, o]));
const routes = allRoutes().filter((r) => `${r.method} ${r.path}`.includes(ONLY));

interface Stats {
  cases: number;
  statuses: Record<number, number>;
  refusedChecked: number;
  succeeded: number;
}
const stats = new Map<string, Stats>();
const crashes: unknown[] = [];
const onCrash = (err: unknown) => crashes.push(err);

const world = {} as {
  client: Awaited<ReturnType<typeof connect>>;
  /** The driver as found, put back at the end. */
  found: DriverState;
  /** The driver with the fixtures, put back before every route. */
  seeded: DriverState;
  current: WorldState;
  userIds: Record<Role, string>;
  sessions: Record<Role, { token: string; csrfToken: string }>;
  jobIds: string[];
  started: number;
};

beforeAll(async () => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  world.started = Date.now();
  world.client = await connect(testDriverUri);
  await removeFixtures(world.client);
  world.found = (await worldState(world.client)).driver;
  await seedFixtures(world.client);
  world.seeded = (await worldState(world.client)).driver;
  world.userIds = {} as never;
  world.sessions = {} as never;
  for (const role of ROLES) {
    const user = await createUser(`fuzz-${role}`, PASSWORD, role);
    world.userIds[role] = user.id;
    world.sessions[role] = await createSession(user.id, {});
  }
  const job = await insertJob({ kind: 'vm.create', objectName: FIXTURE.vm, steps: [], userId: world.userIds.admin, username: 'fuzz-admin', host: 'local' });
  await patchJob(job, { status: 'succeeded', finished: true });
  world.jobIds = [job];
  console.log(`route fuzz: seed ${SEED} (VIREO_FUZZ_SEED=${SEED} repeats it), ${RUNS} cases per route, ${routes.length} routes`);
});

afterAll(async () => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  printStats();
  if (world.client) await restoreDriver(world.client, world.found).finally(() => world.client.close());
  await localHost().close();
});

/** Per-route seeds depend on the route, not on which routes run, so VIREO_FUZZ_ONLY repeats a failure. */
function seedFor(key: string): number {
  let h = SEED | 0;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h | 0;
}

describe('every API route under fuzzing', () => {
  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (key, placed) => {
    const op = operations.get(key);
    expect(op, `${key} is missing from the OpenAPI document`).toBeDefined();
    await restoreDriver(world.client, world.seeded);
    world.current = await worldState(world.client);
    const s: Stats = { cases: 0, statuses: {}, refusedChecked: 0, succeeded: 0 };
    stats.set(key, s);
    const hints = bodyHints(world.current);
    const cases = caseArbitrary(op!, {
      resolve,
      existing: existingNames(op!, world.current, world.jobIds),
      hints,
      validBody: validBodyFor(key, op!, placed.handler, hints, xmlCorpus(world.current)),
      hugeBytes: MAX_JSON_BODY + 1,
    });
    await fc.assert(
      fc.asyncProperty(cases, (c) => runCase(placed, op!, c, s)),
      { numRuns: RUNS, seed: seedFor(key) },
    );
  });
});

function validBodyFor(key: string, op: Operation, handler: Handler, hints: Record<string, string[]>, xml: ReturnType<typeof xmlCorpus>) {
  const deeper = deeperBodies({ hints, xml })[key];
  if (deeper) return deeper;
  if (!CROSS_FIELD_RULES[key] || !op.body) return undefined;
  const schema = handler.route.body as z.ZodType;
  return validArbitrary(op.body, { resolve, hints }).filter((v) => schema.safeParse(v).success);
}

const isRole = (i: Identity): i is Role => (ROLES as string[]).includes(i);
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function requestOf(op: Operation, c: FuzzCase, session: { token: string; csrfToken: string } | null, signal: AbortSignal): Request {
  const headers = new Headers({ 'user-agent': 'vireo-fuzz' });
  if (c.identity === 'malformed') headers.set('cookie', 'vireo_session=%zz');
  else if (c.identity === 'unknown') headers.set('cookie', `vireo_session=${'u'.repeat(43)}`);
  else if (session) headers.set('cookie', `vireo_session=${session.token}`);
  if (c.csrf === 'right' && session) headers.set('x-csrf-token', session.csrfToken);
  else if (c.csrf === 'wrong' || (c.csrf === 'right' && !session)) headers.set('x-csrf-token', 'w'.repeat(43));
  const text = SAFE.has(op.method) ? undefined : bodyText(c.body);
  if (text !== undefined) {
    headers.set('content-type', op.rawBody ?? 'application/json');
    if (op.rawBody) headers.set('content-length', String(Buffer.byteLength(text)));
  }
  return new Request(urlOf(op, c.params, c.query), { method: op.method, headers, body: text, signal });
}

async function within<T>(ms: number, p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether the route's own schema refuses the body the case sends (so the request must be refused). */
function bodyRefused({ method, handler }: Placed, c: FuzzCase): boolean {
  const schema = handler.route.body;
  if (!schema || SAFE.has(method) || c.body.mode === 'none') return false;
  if (c.body.mode === 'huge') return true;
  // Decoded as the server decodes a body (Fetch's UTF-8 decode drops one leading byte-order mark).
  const text = (bodyText(c.body) ?? '').replace(/^\uFEFF/, '');
  try {
    return !schema.safeParse(text.trim() ? JSON.parse(text) : {}).success;
  } catch {
    return true;
  }
}

async function runCase(placed: Placed, op: Operation, c: FuzzCase, s: Stats): Promise<void> {
  const { handler, path, method } = placed;
  const route = handler.route;
  let session = isRole(c.identity) ? world.sessions[c.identity] : null;
  if (session && path === '/api/auth/logout') {
    // Signing out ends the session: give it one of its own, so the shared ones live on.
    session = await createSession(world.userIds[c.identity as Role], {});
    world.current = { ...world.current, db: await dbState() };
  }
  const before = world.current;
  const controller = new AbortController();
  const res = await within(ANSWER_WITHIN_MS, handler(requestOf(op, c, session, controller.signal), { params: Promise.resolve(c.params) }), op.key);
  let text = '';
  if (route.responseType && res.ok) {
    // A stream (events, a download): the headers are the answer; stop it there.
    controller.abort();
    await res.body?.cancel().catch(() => undefined);
  } else {
    text = await res.text();
  }
  if (res.ok) await settleJob(text, path === '/api/hosts/{host}/vms' && method === 'POST');
  world.current = await worldState(world.client);

  s.cases++;
  s.statuses[res.status] = (s.statuses[res.status] ?? 0) + 1;
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`answered ${res.status}: ${text.slice(0, 600)}`);
  if (res.status >= 400 && !hasError(text)) problems.push(`answered ${res.status} without a JSON body with "error": ${text.slice(0, 300)}`);
  const signedIn = session !== null;
  if (!op.public && !signedIn && res.status !== 401) problems.push(`answered ${res.status} to a request without a valid session (401 expected)`);
  if (!op.public && signedIn && !SAFE.has(op.method) && c.csrf !== 'right' && res.status !== 403) {
    problems.push(`answered ${res.status} to a change with a ${c.csrf} CSRF token (403 expected)`);
  }
  if (res.status < 400 && bodyRefused(placed, c)) problems.push(`answered ${res.status} to a body its own schema refuses`);
  if (res.status >= 400) {
    s.refusedChecked++;
    const changed = worldDiff(before, world.current);
    if (changed.length) problems.push(`refused (${res.status}) yet changed:\n  ${changed.join('\n  ')}`);
  } else {
    s.succeeded++;
  }
  if (crashes.length) problems.push(`the process reported: ${crashes.splice(0).map(String).join('; ')}`);
  if (VERBOSE) console.log(`${op.key} ${c.identity}/${c.csrf} ${JSON.stringify(c.params)} ${c.body.mode} → ${res.status} ${text.slice(0, 240)}`);
  if (problems.length) {
    const repeat = `repeat with VIREO_FUZZ_SEED=${SEED} VIREO_FUZZ_ONLY='${op.key}'`;
    throw new Error(`${op.key} as ${c.identity} (CSRF ${c.csrf}), body ${c.body.mode} (${repeat}):\n${problems.join('\n')}`);
  }
}

function hasError(text: string): boolean {
  try {
    return typeof (JSON.parse(text) as { error?: unknown }).error === 'string';
  } catch {
    return false;
  }
}

/**
 * A job the fuzzer started (a backup, a clone, a restore...) is waited for, so nothing it does lands in the next
 * case's comparison (a backup's copy volume came and went under a refused request); a create is cancelled first.
 */
async function settleJob(text: string, cancel: boolean): Promise<void> {
  let jobId: unknown;
  try {
    jobId = (JSON.parse(text) as { jobId?: unknown }).jobId;
  } catch {
    return;
  }
  if (typeof jobId !== 'string') return;
  if (cancel) cancelJob(jobId);
  await jobSettled(jobId);
}

function printStats(): void {
  let total = 0;
  const lines = [...stats].map(([key, s]) => {
    total += s.cases;
    const statuses = Object.entries(s.statuses)
      .map(([code, n]) => `${code}×${n}`)
      .join(' ');
    const counts = `${String(s.cases).padStart(4)} cases, ${String(s.succeeded).padStart(3)} succeeded, ${String(s.refusedChecked).padStart(3)} refused`;
    return `${key.padEnd(62)} ${counts} (state compared)  ${statuses}`;
  });
  const seconds = ((Date.now() - world.started) / 1000).toFixed(1);
  console.log(`route fuzz, seed ${SEED}:\n${lines.join('\n')}\n${total} cases over ${stats.size} routes in ${seconds} s`);
}
