import { recordAudit } from '@/lib/audit/log';
import { authorize, type Actor } from '@/lib/http/guard';
import { forbidden } from '@/lib/http/problem';

// Networks belong to the host, not to one VM: a wrong subnet or a stopped network cuts off every guest on it.
// So anyone who may see the host may read them, and only admins may change them. roles.ts has no network
// permission yet; until it does, the rule lives here, on top of authorize() (session, CSRF, audit of denials).

export function canChangeNetworks(role: string): boolean {
  return role === 'admin';
}

export async function authorizeNetworkRead(req: Request): Promise<Actor | Response> {
  return authorize(req, 'host.read');
}

export async function authorizeNetworkChange(req: Request, action: string, name: string): Promise<Actor | Response> {
  const actor = await authorize(req, 'host.read', { type: 'network', name });
  if (actor instanceof Response || canChangeNetworks(actor.role)) return actor;
  await recordAudit({ actor, action, objectType: 'network', objectName: name, outcome: 'denied', error: `role ${actor.role} may not change networks`, ip: actor.ip });
  return forbidden('change host networks');
}
