import 'server-only';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { hasAnyUser } from '@/lib/auth/accounts';
import { can, type Permission } from '@/lib/auth/roles';
import { SESSION_COOKIE, findSession, type SessionUser } from '@/lib/auth/session';
import { describeError, isVireoError } from '@/lib/errors';
import { hostById, localHost, type HostContext } from '@/lib/hosts';

// What server components need before they render: the signed-in user (or a redirect to setup or sign-in), the
// host the page is about, and reads whose failures become the same plain words the API uses.

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

/** The host a page shows: the {host} of /hosts/{host}/... (a 404 page for a host Vireo does not manage), else the local one. */
export async function pageHost(id?: string): Promise<HostContext> {
  if (id === undefined) return localHost();
  try {
    return await hostById(decodeURIComponent(id));
  } catch (err) {
    if (isVireoError(err) && err.status === 404) notFound();
    throw err;
  }
}

export type PageRead<T> = { value: T; problem: null } | { value: null; problem: string };

/**
 * A page's read on the server: the value, or the plain-words reason it failed, which the page shows in place of
 * the view. (Rendering inside try/catch would not catch a component's own errors; reading first keeps the two apart.)
 */
export async function pageRead<T>(read: () => Promise<T>, what: string): Promise<PageRead<T>> {
  try {
    return { value: await read(), problem: null };
  } catch (err) {
    return { value: null, problem: describeError(err, what).message };
  }
}
