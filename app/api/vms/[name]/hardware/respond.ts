import type { z } from 'zod';
import { recordAudit } from '@/lib/audit/log';
import { ChangeRefusedError, HardwareInputError } from '@/lib/hardware/errors';
import { readBody } from '@/lib/http/body';
import { authorize, type Actor } from '@/lib/http/guard';
import { problem } from '@/lib/http/problem';
import { describeError } from '@/lib/errors';

// Shared by the hardware routes: session, CSRF and role ('vm.edit'), the body against its schema, then the
// change, recorded in the audit log whatever happens. Refusals keep their fields (422) or the per-half outcome
// (409, nothing took effect) so the Hardware tab can point at the problem.

export type NameCtx<P = object> = { params: Promise<{ name: string } & P> };

async function run<T>(actor: Actor, action: string, name: string, detail: Record<string, unknown>, fn: () => Promise<T>): Promise<Response> {
  try {
    const result = await fn();
    const outcome = (result as { outcome?: { summary?: string; live?: unknown; persistent?: unknown } }).outcome;
    await recordAudit({ actor, action, objectType: 'vm', objectName: name, outcome: 'ok', detail: { ...detail, ...(outcome ? { live: outcome.live, persistent: outcome.persistent, summary: outcome.summary } : {}) }, ip: actor.ip });
    return Response.json(result, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    let res: Response;
    let error: string;
    if (err instanceof Error && err.name === 'ChangeRefusedError') {
      const e = err as ChangeRefusedError;
      error = e.code ? `${e.code}: ${e.message}` : e.message;
      res = problem(409, e.message, { outcome: e.outcome, ...(e.code ? { code: e.code } : {}) });
    } else if (err instanceof Error && err.name === 'HardwareInputError') {
      const e = err as HardwareInputError;
      error = e.message;
      res = problem(e.status, e.message, Object.keys(e.fields).length ? { fields: e.fields } : {});
    } else {
      const d = describeError(err, `virtual machine "${name}"`);
      error = d.code ? `${d.code}: ${d.message}` : d.message;
      res = problem(d.status, d.message, d.code ? { code: d.code } : {});
    }
    await recordAudit({ actor, action, objectType: 'vm', objectName: name, outcome: 'error', error, detail, ip: actor.ip });
    return res;
  }
}

/** A mutation with a JSON body. */
export async function hardwareChange<S extends z.ZodType, T>(
  req: Request, name: string, action: string, schema: S, fn: (body: z.infer<S>) => Promise<T>,
): Promise<Response> {
  const actor = await authorize(req, 'vm.edit', { type: 'vm', name });
  if (actor instanceof Response) return actor;
  const body = await readBody(req, schema);
  if (body instanceof Response) return body;
  return run(actor, action, name, body as Record<string, unknown>, () => fn(body));
}

/** A mutation without a body (DELETE with ?live=1&persistent=1). */
export async function hardwareRemoval<T>(req: Request, name: string, action: string, detail: Record<string, unknown>, fn: () => Promise<T>): Promise<Response> {
  const actor = await authorize(req, 'vm.edit', { type: 'vm', name });
  if (actor instanceof Response) return actor;
  return run(actor, action, name, detail, fn);
}
