import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db/client';
import { can, type Permission } from './roles';
import { SESSION_COOKIE, findSession, type SessionUser } from './session';

// For server components: the signed-in user, or a redirect to where they should be (setup, login).

export async function hasAnyUser(): Promise<boolean> {
  return (await db().user.count()) > 0;
}

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
