import 'server-only';
import type { z } from 'zod';
import { recordAudit, type AuditActor, type AuditInput as AuditEntry } from '@/lib/audit/log';
import { can, deniedMessage, type Permission } from '@/lib/auth/roles';
import { describeError, ForbiddenError, NotFoundError, parseInput, problemSummary, type Problem } from '@/lib/errors';
import { hostById, localHost, type HostContext } from '@/lib/hosts';
import { log } from '@/lib/log';
import { isSafeMethod, requireActor, type Actor } from './actor';
import { MAX_JSON_BODY, readJsonBody } from './body';
import { clientIp } from './client-ip';
import { problemResponse } from './problem';
import { subjectWords } from './subject';

// The one seam between HTTP and the services. A route is one declaration — who may call it, its params, query and
// body schemas, what it records in the audit log, and the service call — and this file does the rest the same way
// for every route: session and CSRF, permission, validation with a message per field, the audit record, and one
// mapping from errors to problem responses. The OpenAPI document is generated from the same declarations; a route's
// method, path and section of the reference are not declared: they follow from the export's name and the file's place
// (app/api/routes.ts).

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A permission, or 'signed-in' (any session), or 'public' (no session: sign-in and first-run setup). */
export type Access = Permission | 'signed-in' | 'public';

export type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : Record<string, never>;

export interface RouteInput<P extends Schema, Q extends Schema, B extends Schema> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
}

/** What audit callbacks see: the body may be missing when the request was refused before it was read. */
export type AuditInput<P extends Schema, Q extends Schema, B extends Schema> = {
  params: Out<P>;
  query: Partial<Out<Q>>;
  body: Partial<Out<B>> | undefined;
};

/** An audit entry as a route writes it: the request's address is added, the actor defaults to the signed-in user. */
export interface AuditRecord extends Omit<AuditEntry, 'actor' | 'ip'> {
  /** Who acted, when the route learns it itself (sign-in); the signed-in user otherwise. */
  actor?: AuditActor;
}

export interface RouteContext<P extends Schema, Q extends Schema, B extends Schema, A extends Access> extends RouteInput<P, Q, B> {
  req: Request;
  /** The signed-in user; null only on public routes. */
  actor: A extends 'public' ? Actor | null : Actor;
  /** The libvirt host the request is about. */
  host: HostContext;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  /** Records one more audit row (for routes that act on several objects, or public ones). */
  audit: (entry: AuditRecord) => Promise<void>;
  /** For routes whose permission depends on the body: refuses (403, audited) when the actor lacks it. */
  demand: (permission: Permission) => Promise<void>;
}

// Methods, not function-valued properties: their parameters are checked both ways, so one spec made by a shared
// helper (e.g. for every hardware route) fits routes whose params have more members than the helper reads.
export interface AuditSpec<P extends Schema, Q extends Schema, B extends Schema, R> {
  /** e.g. 'vm.start'; a function when the body decides it (e.g. `network.${body.action}`). */
  action: string | ((i: AuditInput<P, Q, B>) => string);
  objectType: string;
  /** `result` is there once the change went through (e.g. the name of a user the params name by id). */
  objectName(i: AuditInput<P, Q, B>, result?: R): string;
  detail?(i: AuditInput<P, Q, B>, result?: R): Record<string, unknown> | null | undefined;
  /** Requests that change nothing (e.g. a dry run) are not recorded. */
  skip?(i: RouteInput<P, Q, B>): boolean;
  /** 'failures': success is recorded elsewhere (a job records its own end). */
  record?: 'always' | 'failures';
}

export interface RouteSpec<P extends Schema, Q extends Schema, B extends Schema, R, A extends Access> {
  summary: string;
  /** The reference's sections, when the path's own (app/api/sections.ts) is not the whole story. */
  tags?: string[];
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  /** A streamed body the route reads itself (uploads); documented, never parsed here. */
  rawBody?: { contentType: string; description: string };
  maxBodyBytes?: number;
  /** The success body, for the API reference. */
  response?: z.ZodType;
  /** A non-JSON success body (downloads, event streams), for the API reference. */
  responseType?: string;
  /** Success status (default 200). */
  status?: number;
  // NoInfer: the schemas decide the types; the audit spec (often made by a helper) must fit them.
  audit?: AuditSpec<NoInfer<P>, NoInfer<Q>, NoInfer<B>, NoInfer<R>>;
  /** Words naming what the request is about, for error messages of routes without an audit spec. */
  subject?: (i: { params: Out<P> }) => string;
  run(ctx: RouteContext<P, Q, B, A>): R | Response | Promise<R | Response>;
}

/** What Next calls: (request, { params }). */
export type RouteHandler = ((req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>) & {
  /** The declaration, for the API description (any route's shape). */
  readonly route: RouteSpec<Schema, Schema, Schema, unknown, Access>;
};

/** A handler where Next serves it: the method is its export's name, the path its file's place (app/api/routes.ts). */
export interface PlacedRoute {
  method: HttpMethod;
  /** As the API reference shows it, e.g. /api/hosts/{host}/vms/{name}. */
  path: string;
  /** The reference's sections. */
  tags: string[];
  handler: RouteHandler;
}

const NO_PARAMS = {} as Record<string, never>;

export function defineRoute<P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined, R = unknown, A extends Access = Access>(
  spec: RouteSpec<P, Q, B, R, A>,
): RouteHandler {
  const handler = async (req: Request, nextCtx: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    let host = localHost();
    let actor: Actor | null = null;
    let input: AuditInput<P, Q, B> | null = null;
    let full: RouteInput<P, Q, B> | null = null;
    try {
      if (spec.access !== 'public') actor = await requireActor(req);
      // Next hands routes without dynamic segments no params at all.
      const rawParams: Record<string, string | string[]> = (await nextCtx.params) ?? {};
      // Host-scoped routes (/api/hosts/{host}/...) work on the host they name; an unknown one is a 404.
      if (typeof rawParams.host === 'string') host = await hostById(rawParams.host);
      // A malformed name can name nothing: 404, before anything else is revealed about it.
      const params = (spec.params ? parseInput(spec.params, rawParams, 404) : NO_PARAMS) as Out<P>;
      input = { params, query: {}, body: undefined };
      if (actor && spec.access !== 'public' && spec.access !== 'signed-in' && !can(actor.role, spec.access)) {
        await auditDenied(spec, actor, req, host, input, spec.access);
        throw new ForbiddenError(deniedMessage(spec.access));
      }
      const query = (spec.query ? parseInput(spec.query, Object.fromEntries(new URL(req.url).searchParams)) : NO_PARAMS) as Out<Q>;
      input.query = query;
      const body = (spec.body ? await readJsonBody(req, spec.body, spec.maxBodyBytes ?? MAX_JSON_BODY) : undefined) as Out<B>;
      input.body = body;
      full = { params, query, body };
      const asked = input;
      const ctx = {
        ...full,
        req,
        actor: actor as RouteContext<P, Q, B, A>['actor'],
        host,
        signal: req.signal,
        audit: (entry: AuditRecord) => recordAudit({ actor, ip: actor?.ip ?? clientIp(req.headers), host: host.id, ...entry }),
        demand: async (permission: Permission) => {
          if (actor && can(actor.role, permission)) return;
          if (actor) await auditDenied(spec, actor, req, host, asked, permission);
          throw new ForbiddenError(deniedMessage(permission));
        },
      };
      const result = await spec.run(ctx);
      if (result instanceof Response) {
        if (!result.ok) return result;
        await auditOutcome(spec, actor, req, host, input, 'ok', null, undefined, full);
        return result;
      }
      await auditOutcome(spec, actor, req, host, input, 'ok', null, result, full);
      return Response.json(result ?? { ok: true }, { status: spec.status ?? 200, headers: { 'cache-control': 'no-store' } });
    } catch (err) {
      const p = describeError(err, wordsFor(spec, input));
      if (p.status >= 500 && p.status !== 502 && p.status !== 503 && p.status !== 504) logUnexpected(req, err);
      if (input && p.status !== 401) await auditOutcome(spec, actor, req, host, input, 'error', p, undefined, full).catch(() => undefined);
      return problemResponse(p);
    }
  };
  return Object.assign(handler, { route: spec });
}

function wordsFor<P extends Schema, Q extends Schema, B extends Schema, R, A extends Access>(
  spec: RouteSpec<P, Q, B, R, A>,
  input: AuditInput<P, Q, B> | null,
): string {
  if (!input) return 'the request';
  if (spec.subject) return spec.subject(input);
  if (spec.audit) return subjectWords(spec.audit.objectType, safeName(spec.audit, input));
  return 'the object';
}

function safeName<P extends Schema, Q extends Schema, B extends Schema, R>(a: AuditSpec<P, Q, B, R>, input: AuditInput<P, Q, B>, result?: R): string {
  try {
    return a.objectName(input, result) || '-';
  } catch {
    return '-';
  }
}

function actionOf<P extends Schema, Q extends Schema, B extends Schema, R>(a: AuditSpec<P, Q, B, R>, input: AuditInput<P, Q, B>, fallback: string): string {
  if (typeof a.action === 'string') return a.action;
  try {
    return a.action(input);
  } catch {
    return fallback;
  }
}

async function auditDenied<P extends Schema, Q extends Schema, B extends Schema, R, A extends Access>(
  spec: RouteSpec<P, Q, B, R, A>,
  actor: Actor,
  req: Request,
  host: HostContext,
  input: AuditInput<P, Q, B>,
  permission: Permission,
): Promise<void> {
  if (isSafeMethod(req.method)) return;
  const a = spec.audit;
  await recordAudit({
    actor,
    // The body, which may name the action, has not been read: a computed action is recorded as the permission.
    action: a && typeof a.action === 'string' ? a.action : permission,
    objectType: a?.objectType ?? 'app',
    objectName: a ? safeName(a, input) : '-',
    outcome: 'denied',
    error: `role ${actor.role} lacks ${permission}`,
    ip: actor.ip,
    host: host.id,
  });
}

/** Changes are recorded whatever happens; reads and requests refused for a missing session are not. */
async function auditOutcome<P extends Schema, Q extends Schema, B extends Schema, R, A extends Access>(
  spec: RouteSpec<P, Q, B, R, A>,
  actor: Actor | null,
  req: Request,
  host: HostContext,
  input: AuditInput<P, Q, B>,
  outcome: 'ok' | 'error',
  p: Problem | null,
  result: R | undefined,
  full: RouteInput<P, Q, B> | null,
): Promise<void> {
  const a = spec.audit;
  if (!a || isSafeMethod(req.method)) return;
  if (full && a.skip?.(full)) return;
  if (outcome === 'ok' && a.record === 'failures') return;
  let detail: Record<string, unknown> | null | undefined;
  try {
    detail = a.detail?.(input, result);
  } catch {
    detail = null;
  }
  await recordAudit({
    actor,
    action: actionOf(a, input, spec.access === 'public' || spec.access === 'signed-in' ? new URL(req.url).pathname : spec.access),
    objectType: a.objectType,
    objectName: safeName(a, input, result),
    outcome,
    error: p ? problemSummary(p) : null,
    detail: detail ?? null,
    ip: actor?.ip ?? clientIp(req.headers),
    host: host.id,
  });
}

function logUnexpected(req: Request, err: unknown): void {
  const route = `${req.method} ${new URL(req.url).pathname}`;
  log().error({ err, route }, `${route} failed`);
}

/** For routes whose service answers "no such thing" itself. */
export function notFound(message: string): never {
  throw new NotFoundError(message);
}
