import type { z } from 'zod';
import { recordAudit } from '@/lib/audit/log';
import { readBody } from '@/lib/http/body';
import { authorize, type Actor } from '@/lib/http/guard';
import { forbidden } from '@/lib/http/problem';

// Pools and volumes belong to the host: a deleted pool or a wiped volume can destroy every guest's disks. Anyone
// who may see the host reads them; only admins change them. roles.ts has no storage permission yet, so the rule
// lives here on top of authorize() (session, CSRF token, denial audit), as lib/networks/access.ts does.

export function canChangeStorage(role: string): boolean {
  return role === 'admin';
}

export async function authorizeStorageRead(req: Request): Promise<Actor | Response> {
  return authorize(req, 'host.read');
}

export async function authorizeStorageChange(req: Request, action: string, objectType: 'pool' | 'volume', name: string): Promise<Actor | Response> {
  const actor = await authorize(req, 'host.read', { type: objectType, name });
  if (actor instanceof Response || canChangeStorage(actor.role)) return actor;
  await recordAudit({ actor, action, objectType, objectName: name, outcome: 'denied', error: `role ${actor.role} may not change storage`, ip: actor.ip });
  return forbidden('change storage pools or volumes');
}

/** Reads a change's JSON body; a refused body is recorded as a failed change, so the audit shows the attempt. */
export async function readChange<T extends z.ZodType>(req: Request, schema: T, actor: Actor, what: { action: string; objectType: string; objectName: string }): Promise<z.infer<T> | Response> {
  const body = await readBody(req, schema);
  if (body instanceof Response) {
    const { error } = (await body.clone().json().catch(() => ({}))) as { error?: string };
    await recordAudit({ actor, ...what, outcome: 'error', error: error ?? `refused (${body.status})`, ip: actor.ip });
  }
  return body;
}
