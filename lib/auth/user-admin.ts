import 'server-only';
import { db } from '@/lib/db/client';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '@/lib/errors';
import { hashPassword, verifyPassword } from './password';
import type { Role } from './roles';
import { announceSessionEnded, announceUserChanged } from './session-events';

// What admins do to accounts after creating them, and what every user may do to their own. Whatever takes a
// right away (a lower role, disabling, deleting, a reset password) ends the live connections of that user at once;
// the last enabled admin can be neither demoted, disabled nor deleted, so Vireo always has someone to run it.

type Tx = Parameters<Parameters<ReturnType<typeof db>['$transaction']>[0]>[0];

async function userOrNotFound(tx: Tx, id: string) {
  const user = await tx.user.findUnique({ where: { id } });
  if (!user) throw new NotFoundError('There is no such user (it may have been deleted).');
  return user;
}

/** Refuses when `id` is the only enabled admin and the change would leave none. */
async function keepAnAdmin(tx: Tx, id: string, what: string): Promise<void> {
  const others = await tx.user.count({ where: { role: 'admin', disabledAt: null, id: { not: id } } });
  if (others === 0) throw new ConflictError(`${what} would leave Vireo without an enabled admin. Make another user admin first.`);
}

/** Ends every session of the user (optionally all but one) and closes their consoles and live pages. */
async function endSessions(tx: Tx, userId: string, keep?: string): Promise<string[]> {
  const where = { userId, ...(keep ? { id: { not: keep } } : {}) };
  const ended = (await tx.session.findMany({ where, select: { id: true } })).map((s) => s.id);
  await tx.session.deleteMany({ where });
  return ended;
}

function announce(userId: string, sessions: string[]): void {
  for (const id of sessions) announceSessionEnded(id, 'revoked');
  announceUserChanged(userId);
}

export async function changeRole(id: string, role: Role): Promise<{ username: string; from: string; to: Role }> {
  const r = await db().$transaction(async (tx) => {
    const user = await userOrNotFound(tx, id);
    if (user.role === 'admin' && role !== 'admin' && !user.disabledAt) await keepAnAdmin(tx, id, `Changing ${user.username}'s role`);
    await tx.user.update({ where: { id }, data: { role } });
    return { username: user.username, from: user.role, to: role };
  });
  // Sessions stay (the user is who they were); live connections close so they reopen with the new rights.
  if (r.from !== r.to) announceUserChanged(id);
  return r;
}

export async function setDisabled(id: string, disabled: boolean): Promise<{ username: string; disabled: boolean }> {
  const { username, ended } = await db().$transaction(async (tx) => {
    const user = await userOrNotFound(tx, id);
    if (disabled && user.role === 'admin' && !user.disabledAt) await keepAnAdmin(tx, id, `Disabling ${user.username}`);
    await tx.user.update({ where: { id }, data: { disabledAt: disabled ? (user.disabledAt ?? new Date()) : null } });
    return { username: user.username, ended: disabled ? await endSessions(tx, id) : [] };
  });
  if (disabled) announce(id, ended);
  return { username, disabled };
}

/** Deletes the account; its audit entries keep the name (they never pointed at the row). */
export async function deleteUser(id: string): Promise<{ username: string }> {
  const { username, ended } = await db().$transaction(async (tx) => {
    const user = await userOrNotFound(tx, id);
    if (user.role === 'admin' && !user.disabledAt) await keepAnAdmin(tx, id, `Deleting ${user.username}`);
    const sessions = await endSessions(tx, id);
    await tx.user.delete({ where: { id } });
    return { username: user.username, ended: sessions };
  });
  announce(id, ended);
  return { username };
}

/** An admin sets a new password for someone who lost theirs; every session of that user ends. */
export async function resetPassword(id: string, password: string): Promise<{ username: string }> {
  const passwordHash = await hashPassword(password);
  const { username, ended } = await db().$transaction(async (tx) => {
    const user = await userOrNotFound(tx, id);
    await tx.user.update({ where: { id }, data: { passwordHash } });
    return { username: user.username, ended: await endSessions(tx, id) };
  });
  announce(id, ended);
  return { username };
}

/** A user changes their own password; the old one is required, and their other sessions end. */
export async function changeOwnPassword(userId: string, currentSession: string, current: string, next: string): Promise<void> {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFoundError('Your account no longer exists.');
  if (!(await verifyPassword(user.passwordHash, current))) {
    throw new ForbiddenError('Your current password is not right.', { fields: { currentPassword: 'Not your current password.' } });
  }
  if (current === next) throw InputError.of({ newPassword: 'Choose a password different from the current one.' });
  const passwordHash = await hashPassword(next);
  const ended = await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    return endSessions(tx, userId, currentSession);
  });
  for (const id of ended) announceSessionEnded(id, 'revoked');
}

export interface SessionRow {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export async function listSessions(userId: string): Promise<SessionRow[]> {
  const now = new Date();
  return db().session.findMany({
    where: { userId, expiresAt: { gt: now }, absoluteExpiresAt: { gt: now } },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, ip: true, userAgent: true },
    orderBy: { lastSeenAt: 'desc' },
  });
}

export async function revokeSession(userId: string, sessionId: string): Promise<{ username: string }> {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFoundError('There is no such user (it may have been deleted).');
  const { count } = await db().session.deleteMany({ where: { id: sessionId, userId } });
  if (!count) throw new NotFoundError('That session has already ended.');
  announceSessionEnded(sessionId, 'revoked');
  return { username: user.username };
}
