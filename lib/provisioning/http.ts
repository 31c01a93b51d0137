import { z } from 'zod';
import { recordAudit } from '@/lib/audit/log';
import { readBody } from '@/lib/http/body';
import type { Actor } from '@/lib/http/guard';
import { problem } from '@/lib/http/problem';
import { describeError } from '@/lib/vms/errors';
import { ProvisionInputError } from './errors';

// Answers for the wizard's routes: field errors as { error, fields } so the form can show each next to its field.

export const anyObject = z.record(z.string(), z.unknown(), { message: 'The request body must be a JSON object.' });

export async function readSpec(req: Request): Promise<Record<string, unknown> | Response> {
  return readBody(req, anyObject);
}

export function fieldProblem(err: unknown): Response | null {
  if (err instanceof ProvisionInputError || (err instanceof Error && err.name === 'ProvisionInputError')) {
    const e = err as ProvisionInputError;
    return problem(e.status, e.message, { fields: e.fields });
  }
  return null;
}

/** A refused create is still an attempt worth recording. */
export async function answerCreate(actor: Actor, name: string, fn: () => Promise<Record<string, unknown>>): Promise<Response> {
  try {
    return Response.json(await fn(), { status: 202 });
  } catch (err) {
    const d = describeError(err, `virtual machine "${name}"`);
    await recordAudit({ actor, action: 'vm.create', objectType: 'vm', objectName: name || '(unnamed)', outcome: 'error', error: d.message, ip: actor.ip });
    return fieldProblem(err) ?? problem(d.status, d.message, d.code ? { code: d.code } : {});
  }
}

export async function answerPlan<T>(fn: () => Promise<T>): Promise<Response> {
  try {
    return Response.json(await fn(), { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    const d = describeError(err, 'the new virtual machine');
    return fieldProblem(err) ?? problem(d.status, d.message, d.code ? { code: d.code } : {});
  }
}
