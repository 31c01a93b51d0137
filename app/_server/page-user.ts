import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { hasAnyUser } from '@/lib/auth/accounts';
import { can, type Permission } from '@/lib/auth/roles';
import { SESSION_COOKIE, findSession, type SessionUser } from '@/lib/auth/session';
import { describeError } from '@/lib/errors';
import { localHost, type HostContext } from '@/lib/hosts';

// What server components need before they render: the signed-in user (or a redirect to setup or sign-in), the
// host the page is about, and errors in the same plain words the API uses.

export async function pageUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  const session = await findSession(jar.get(SESSION_COOKIE)?.value);
  return session?.user ?? null;
}

export async function requirePageUser(permission?: Permission): Promise<SessionUser> {
  const user = await pageUser();
  if (!user) redirect((await hasAnyUser()) ? '/login' : '/setup');
  if (permission && !can(user.role, permission)) redirect('/?denied=1');
  return user;
}

/** The host a page shows. */
export function pageHost(): HostContext {
  return localHost();
}

/** An error as the sentence a page shows in its alert. */
export function pageError(err: unknown, what: string): string {
  return describeError(err, what).message;
}
