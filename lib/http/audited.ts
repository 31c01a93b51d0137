import { recordAudit } from '@/lib/audit/log';
import { describeError } from '@/lib/vms/errors';
import type { Actor } from './guard';
import { problem } from './problem';

export interface AuditedAction {
  action: string;
  objectType: string;
  objectName: string;
  detail?: Record<string, unknown>;
}

/**
 * Runs a change on behalf of `actor` and records it, success or failure (with libvirt's reason), then answers:
 * the JSON of `fn`'s result, or the error in plain words with its status.
 */
export async function audited<T>(actor: Actor, what: AuditedAction, fn: () => Promise<T>, okStatus = 200): Promise<Response> {
  try {
    const result = await fn();
    await recordAudit({ actor, ...what, outcome: 'ok', ip: actor.ip });
    return Response.json(result ?? { ok: true }, { status: okStatus });
  } catch (err) {
    const d = describeError(err, what.objectType === 'vm' ? `virtual machine "${what.objectName}"` : what.objectType);
    await recordAudit({ actor, ...what, outcome: 'error', error: d.code ? `${d.code}: ${d.message}` : d.message, ip: actor.ip });
    return problem(d.status, d.message, d.code ? { code: d.code } : {});
  }
}

/** For reads: the error in plain words, nothing recorded. */
export async function answered<T>(fn: () => Promise<T>, what = 'the virtual machine'): Promise<Response> {
  try {
    return Response.json(await fn(), { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    const d = describeError(err, what);
    return problem(d.status, d.message, d.code ? { code: d.code } : {});
  }
}
