import 'server-only';
import { db } from '@/lib/db/client';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '@/lib/errors';
import { hashApiToken, looksLikeApiToken, newApiTokenSecret, newTokenProblems, tokenRole, tokenState, type TokenState } from './api-token-rules';
import { can } from './roles';
import { announceSessionEnded } from './session-events';
import { tokenSessionId, verifiedTokens, type TokenUser } from './token-cache';

export { tokenSessionId, type TokenUser };

// API tokens: a user makes named bearer secrets for scripts and Prometheus, each with a role no higher than theirs
// and an optional expiry. The secret is returned once; the database keeps its hash. A token stops working when it
// is revoked or expires, and when its user is disabled or deleted; a user demoted later caps their tokens too.

export interface ApiTokenView {
  id: string;
  name: string;
  role: string;
  /** The secret's first characters, e.g. "vireo_AbCdEf". */
  prefix: string;
  userId: string;
  username: string;
  state: TokenState;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const TOUCH_EVERY_MS = 60_000;
const MAX_LIVE_TOKENS_PER_USER = 100;

type Row = {
  id: string;
  name: string;
  role: string;
  prefix: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  user: { username: string };
};

function view(r: Row, now = Date.now()): ApiTokenView {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    prefix: r.prefix,
    userId: r.userId,
    username: r.user.username,
    state: tokenState(r, now),
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

export async function createApiToken(
  owner: { id: string; role: string },
  input: { name: string; role: string; expiresAt: Date | null },
): Promise<{ token: ApiTokenView; secret: string }> {
  const now = Date.now();
  const problems = newTokenProblems(input, owner.role, now);
  if (Object.keys(problems).length) throw InputError.of(problems);
  const name = input.name.trim();
  const live = await db().apiToken.findMany({ where: { userId: owner.id, revokedAt: null }, select: { name: true, expiresAt: true } });
  const active = live.filter((t) => tokenState({ ...t, revokedAt: null }, now) === 'active');
  if (active.some((t) => t.name === name)) throw new ConflictError(`You already have a token named "${name}". Revoke it first or choose another name.`);
  if (active.length >= MAX_LIVE_TOKENS_PER_USER) throw new ConflictError(`You have ${active.length} tokens, the most one user may have. Revoke some first.`);
  const { secret, hash, shown } = newApiTokenSecret();
  const row = await db().apiToken.create({
    data: { userId: owner.id, name, role: input.role, secretHash: hash, prefix: shown, expiresAt: input.expiresAt },
    include: { user: { select: { username: true } } },
  });
  return { token: view(row, now), secret };
}

/** The user's tokens, newest first; every user's for `all` (admins). */
export async function listApiTokens(userId: string | null): Promise<ApiTokenView[]> {
  const rows = await db().apiToken.findMany({
    where: userId ? { userId } : {},
    include: { user: { select: { username: true } } },
    orderBy: { createdAt: 'desc' },
  });
  const now = Date.now();
  return rows.map((r) => view(r, now));
}

/** Revokes a token of the actor's own, or anyone's for an actor who may manage users. */
export async function revokeApiToken(actor: { id: string; role: string }, id: string): Promise<ApiTokenView> {
  const row = await db().apiToken.findUnique({ where: { id }, include: { user: { select: { username: true } } } });
  const mayManage = can(actor.role, 'users.manage');
  if (!row || (row.userId !== actor.id && !mayManage)) throw new NotFoundError('There is no such token (it may have been deleted).');
  if (row.revokedAt) throw new ConflictError(`The token "${row.name}" was already revoked.`);
  const updated = await db().apiToken.update({ where: { id }, data: { revokedAt: new Date() }, include: { user: { select: { username: true } } } });
  // Live connections opened with it (event streams) close at once.
  announceSessionEnded(tokenSessionId(id), 'revoked');
  return view(updated);
}

/**
 * The token a bearer secret names and the user it acts as, or null when unknown, revoked, expired or disabled.
 * Verified tokens are remembered for a few seconds (token-cache.ts); refusals are not.
 */
export async function findApiToken(secret: string): Promise<TokenUser | null> {
  if (!looksLikeApiToken(secret)) return null;
  const hash = hashApiToken(secret);
  const known = verifiedTokens().get(hash);
  if (known) return known;
  const row = await db().apiToken.findUnique({ where: { secretHash: hash }, include: { user: true } });
  const now = Date.now();
  if (!row || row.user.disabledAt || tokenState(row, now) !== 'active') return null;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db()
      .apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } })
      .catch(() => undefined);
  }
  const found = { tokenId: row.id, tokenName: row.name, user: { id: row.user.id, username: row.user.username, role: tokenRole(row.role, row.user.role) } };
  verifiedTokens().remember(hash, found, row.expiresAt);
  return found;
}

/** A token that still works (by id), with its user and expiry, for live connections that outlast the request. */
export async function liveApiToken(tokenId: string): Promise<{ userId: string; expiresAt: Date | null } | null> {
  const row = await db().apiToken.findUnique({ where: { id: tokenId }, include: { user: { select: { disabledAt: true } } } });
  if (!row || row.user.disabledAt || tokenState(row, Date.now()) !== 'active') return null;
  return { userId: row.userId, expiresAt: row.expiresAt };
}

/** Token creation needs a signed-in person: a leaked token must not mint itself a longer-lived successor. */
export function refuseTokenMinting(actor: { via?: unknown }): void {
  if (actor.via) throw new ForbiddenError('API tokens cannot create tokens. Sign in to create one.');
}
