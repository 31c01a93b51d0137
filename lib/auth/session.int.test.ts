import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, csrfTokenMatches, deleteExpiredSessions, findSession } from './session';
import { sha256 } from './tokens';
import { db } from '@/lib/db/client';
import { withTestDatabase } from '@/test/support/with-test-database';

// Sessions in a real (throw-away) database: the CSRF token is kept only as a hash, and a session ends at its
// absolute lifetime however busy it is.

let userId: string;
withTestDatabase({ env: { VIREO_SESSION_HOURS: '12', VIREO_SESSION_MAX_HOURS: '24' } });

beforeAll(async () => {
  userId = (await db().user.create({ data: { username: 'lifetimes', passwordHash: 'x', role: 'admin' } })).id;
});

const row = (token: string) => db().session.findUniqueOrThrow({ where: { id: sha256(token) } });
const HOUR = 3_600_000;

describe('sessions', () => {
  it('keep a hash of the CSRF token, never the token, and check the header against it', async () => {
    const s = await createSession(userId, {});
    const stored = await row(s.token);
    expect(stored.csrfHash).toBe(sha256(s.csrfToken));
    expect(JSON.stringify(stored)).not.toContain(s.csrfToken);
    const found = await findSession(s.token);
    expect(found && csrfTokenMatches(found, s.csrfToken)).toBe(true);
    expect(found && csrfTokenMatches(found, stored.csrfHash)).toBe(false);
  });

  it('start with a 12 h idle expiry inside a 24 h absolute lifetime', async () => {
    const before = Date.now();
    const s = await createSession(userId, {});
    const stored = await row(s.token);
    expect(stored.expiresAt.getTime() - before).toBeGreaterThanOrEqual(12 * HOUR - 1000);
    expect(stored.expiresAt.getTime() - before).toBeLessThanOrEqual(12 * HOUR + 1000);
    expect(stored.absoluteExpiresAt.getTime() - stored.createdAt.getTime()).toBe(24 * HOUR);
  });

  it('slide on use only up to the absolute end', async () => {
    const s = await createSession(userId, {});
    const end = new Date(Date.now() + HOUR);
    await db().session.update({ where: { id: sha256(s.token) }, data: { absoluteExpiresAt: end, lastSeenAt: new Date(Date.now() - 10 * 60_000) } });
    expect(await findSession(s.token)).not.toBeNull();
    expect((await row(s.token)).expiresAt.getTime()).toBe(end.getTime());
  });

  it('end at the absolute lifetime however recently used, and are deleted', async () => {
    const s = await createSession(userId, {});
    const id = sha256(s.token);
    await db().session.update({ where: { id }, data: { absoluteExpiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() } });
    expect(await findSession(s.token)).toBeNull();
    expect(await db().session.findUnique({ where: { id } })).toBeNull();
  });

  it('are swept when past either expiry', async () => {
    const idle = await createSession(userId, {});
    const capped = await createSession(userId, {});
    const live = await createSession(userId, {});
    await db().session.update({ where: { id: sha256(idle.token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await db().session.update({ where: { id: sha256(capped.token) }, data: { absoluteExpiresAt: new Date(Date.now() - 1000) } });
    expect(await deleteExpiredSessions()).toBeGreaterThanOrEqual(2);
    expect(await findSession(live.token)).not.toBeNull();
    expect(await findSession(idle.token)).toBeNull();
    expect(await findSession(capped.token)).toBeNull();
  });
});
