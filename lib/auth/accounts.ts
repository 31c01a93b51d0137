import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { ConflictError } from '@/lib/errors';
import { burnVerify, hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './password';
import { ROLES, type Role } from './roles';

export const usernameSchema = z
  .string()
  .trim()
  .min(2, 'User name needs at least 2 characters.')
  .max(32, 'User name can be at most 32 characters.')
  .regex(/^[a-zA-Z][a-zA-Z0-9._-]*$/, 'User name: start with a letter; then letters, digits, ".", "_" or "-".');

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Password needs at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Password can be at most ${PASSWORD_MAX} characters.`);

export const newUserSchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  role: z.enum(ROLES, { message: `Role must be one of ${ROLES.join(', ')}.` }),
});

/** Creates the first admin, only while no account exists (checked inside the transaction, so two tabs cannot both win). */
export async function createFirstAdmin(username: string, password: string) {
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) throw new ConflictError('Vireo is already set up. Sign in instead.');
    return tx.user.create({ data: { username, passwordHash, role: 'admin' } });
  });
}

export async function createUser(username: string, password: string, role: Role) {
  if (await db().user.findUnique({ where: { username } })) {
    throw new ConflictError(`A user named "${username}" already exists.`, { fields: { username: 'That name is taken.' } });
  }
  return db().user.create({ data: { username, passwordHash: await hashPassword(password), role } });
}

/** The user for these credentials; null for a wrong name or password, and for a disabled account. */
export async function authenticate(username: string, password: string) {
  const user = await db().user.findUnique({ where: { username } });
  if (!user) {
    await burnVerify(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return user.disabledAt ? null : user;
}

export interface UserRow {
  id: string;
  username: string;
  role: string;
  createdAt: Date;
  disabled: boolean;
  /** Sessions still open, and when the newest one was last used. */
  sessions: number;
  lastSeenAt: Date | null;
}

export async function listUsers(): Promise<UserRow[]> {
  const now = new Date();
  const users = await db().user.findMany({
    select: {
      id: true,
      username: true,
      role: true,
      createdAt: true,
      disabledAt: true,
      sessions: { where: { expiresAt: { gt: now }, absoluteExpiresAt: { gt: now } }, select: { lastSeenAt: true } },
    },
    orderBy: { username: 'asc' },
  });
  return users.map(({ sessions, disabledAt, ...u }) => ({
    ...u,
    disabled: disabledAt !== null,
    sessions: sessions.length,
    lastSeenAt: sessions.reduce<Date | null>((a, s) => (a && a > s.lastSeenAt ? a : s.lastSeenAt), null),
  }));
}

export async function hasAnyUser(): Promise<boolean> {
  return (await db().user.count()) > 0;
}

/** The `{id}` of /api/users/{id}/...: user ids are UUIDs. */
export const userParams = z.object({ id: z.uuid({ error: 'There is no such user.' }) });
