import { can, type Permission } from '@/lib/auth/roles';
import { CSRF_HEADER, SESSION_COOKIE, csrfTokenMatches, findSession, type SessionUser } from '@/lib/auth/session';
import { recordAudit } from '@/lib/audit/log';
import { clientIp } from './client-ip';
import { forbidden, problem, unauthorized } from './problem';

export interface Actor extends SessionUser {
  ip: string | null;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const permissionWords: Record<Permission, string> = {
  'host.read': 'see the host',
  'vm.read': 'see virtual machines',
  'vm.lifecycle': 'start, stop or pause virtual machines',
  'vm.console': 'open consoles',
  'vm.create': 'create virtual machines',
  'vm.edit': 'change virtual machine definitions',
  'vm.delete': 'delete virtual machines',
  'audit.read': 'read the audit log',
  'users.manage': 'manage users',
  'host.terminal': 'open a shell on the host',
};

/** A cookie's value; one that is not valid percent-encoding (`%zz`) counts as absent, so it answers 401, not 500. */
export function readCookie(headers: Headers, name: string): string | undefined {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return safeDecode(part.slice(eq + 1).trim());
  }
  return undefined;
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * Every API route starts here: a live session, the CSRF token on anything that changes state (the cookie alone
 * is not proof the user meant it), then the role. Returns the actor, or the Response to send back.
 */
export async function authorize(req: Request, permission: Permission, objectForAudit?: { type: string; name: string }): Promise<Actor | Response> {
  const session = await findSession(readCookie(req.headers, SESSION_COOKIE));
  if (!session) return unauthorized();
  const actor: Actor = { ...session.user, ip: clientIp(req.headers) };
  if (!SAFE.has(req.method)) {
    if (!csrfTokenMatches(session, req.headers.get(CSRF_HEADER))) {
      return problem(403, 'This request is missing its security token. Reload the page and try again.');
    }
  }
  if (!can(actor.role, permission)) {
    if (!SAFE.has(req.method)) {
      await recordAudit({
        actor, action: permission, objectType: objectForAudit?.type ?? 'app', objectName: objectForAudit?.name ?? '-',
        outcome: 'denied', error: `role ${actor.role} lacks ${permission}`, ip: actor.ip,
      });
    }
    return forbidden(permissionWords[permission]);
  }
  return actor;
}
