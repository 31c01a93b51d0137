import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/test/support/database-modules';

// Sessions in a real (throw-away) database: the CSRF token is kept only as a hash, and a session ends at its
// absolute lifetime however busy it is.

let userId: string;
const m = withTestDatabase(
  {
    session: () => import('./session'),
    tokens: () => import('./tokens'),
  },
  { env: { VIREO_SESSION_HOURS: '12', VIREO_SESSION_MAX_HOURS: '24' } },
);

beforeAll(async () => {
  userId = (await m.db.db().user.create({ data: { username: 'lifetimes', passwordHash: 'x', role: 'admin' } })).id;
});

const row = (token: string) => m.db.db().session.findUniqueOrThrow({ where: { id: m.tokens.sha256(token) } });
const HOUR = 3_600_000;

describe('sessions', () => {
  it('keep a hash of the CSRF token, never the token, and check the header against it', async () => {
    const s = await m.session.createSession(userId, {});
    const stored = await row(s.token);
    expect(stored.csrfHash).toBe(m.tokens.sha256(s.csrfToken));
    expect(JSON.stringify(stored)).not.toContain(s.csrfToken);
    const found = await m.session.findSession(s.token);
    expect(found && m.session.csrfTokenMatches(found, s.csrfToken)).toBe(true);
    expect(found && m.session.csrfTokenMatches(found, stored.csrfHash)).toBe(false);
  });

  it('start with a 12 h idle expiry inside a 24 h absolute lifetime', async () => {
    const before = Date.now();
    const s = await m.session.createSession(userId, {});
    const stored = await row(s.token);
    expect(stored.expiresAt.getTime() - before).toBeGreaterThanOrEqual(12 * HOUR - 1000);
    expect(stored.expiresAt.getTime() - before).toBeLessThanOrEqual(12 * HOUR + 1000);
    expect(stored.absoluteExpiresAt.getTime() - stored.createdAt.getTime()).toBe(24 * HOUR);
  });

  it('slide on use only up to the absolute end', async () => {
    const s = await m.session.createSession(userId, {});
    const end = new Date(Date.now() + HOUR);
    await m.db
      .db()
      .session.update({ where: { id: m.tokens.sha256(s.token) }, data: { absoluteExpiresAt: end, lastSeenAt: new Date(Date.now() - 10 * 60_000) } });
    expect(await m.session.findSession(s.token)).not.toBeNull();
    expect((await row(s.token)).expiresAt.getTime()).toBe(end.getTime());
  });

  it('end at the absolute lifetime however recently used, and are deleted', async () => {
    const s = await m.session.createSession(userId, {});
    const id = m.tokens.sha256(s.token);
    await m.db.db().session.update({ where: { id }, data: { absoluteExpiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() } });
    expect(await m.session.findSession(s.token)).toBeNull();
    expect(await m.db.db().session.findUnique({ where: { id } })).toBeNull();
  });

  it('are swept when past either expiry', async () => {
    const idle = await m.session.createSession(userId, {});
    const capped = await m.session.createSession(userId, {});
    const live = await m.session.createSession(userId, {});
    await m.db.db().session.update({ where: { id: m.tokens.sha256(idle.token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await m.db.db().session.update({ where: { id: m.tokens.sha256(capped.token) }, data: { absoluteExpiresAt: new Date(Date.now() - 1000) } });
    expect(await m.session.deleteExpiredSessions()).toBeGreaterThanOrEqual(2);
    expect(await m.session.findSession(live.token)).not.toBeNull();
    expect(await m.session.findSession(idle.token)).toBeNull();
    expect(await m.session.findSession(capped.token)).toBeNull();
  });
});
