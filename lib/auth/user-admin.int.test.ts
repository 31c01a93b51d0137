import { describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/test/support/database-modules';

// Managing accounts in a real (throw-away) database: what takes a right away ends the user's sessions and wakes
// every connection watching them within the second; the last enabled admin cannot be demoted, disabled or deleted;
// audit entries keep a deleted user's name.

const m = withTestDatabase({
  admin: () => import('./user-admin'),
  accounts: () => import('./accounts'),
  session: () => import('./session'),
  watch: () => import('./session-watch'),
  audit: () => import('@/lib/audit/log'),
});
const PASSWORD = 'correct-horse-battery';

const user = (name: string, role: 'admin' | 'operator' | 'viewer') => m.accounts.createUser(name, PASSWORD, role);
const signIn = async (id: string) => {
  const s = await m.session.createSession(id, {});
  return { ...s, id: (await m.session.findSession(s.token))!.id };
};
/** Resolves with the reason the watched session ended, and how long it took after `act` started. */
async function endsWithin(sessionId: string, act: () => Promise<unknown>): Promise<{ reason: string; ms: number }> {
  let started = 0;
  const ended = new Promise<{ reason: string; ms: number }>((resolve) => {
    m.watch.watchSession(sessionId, (reason) => resolve({ reason, ms: Date.now() - started }));
  });
  await new Promise((r) => setTimeout(r, 50)); // the watcher has read its session
  started = Date.now();
  await act();
  return ended;
}

describe('user administration', () => {
  it('never leaves Vireo without an enabled admin', async () => {
    const root = await user('root-admin', 'admin');
    await expect(m.admin.changeRole(root.id, 'viewer')).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/without an enabled admin/) });
    await expect(m.admin.setDisabled(root.id, true)).rejects.toMatchObject({ status: 409 });
    await expect(m.admin.deleteUser(root.id)).rejects.toMatchObject({ status: 409 });
    expect((await m.db.db().user.findUniqueOrThrow({ where: { id: root.id } })).role).toBe('admin');
    const second = await user('second-admin', 'admin');
    await m.admin.changeRole(root.id, 'operator');
    await expect(m.admin.deleteUser(second.id)).rejects.toMatchObject({ status: 409 });
    await m.admin.changeRole(root.id, 'admin');
  });

  it('closes live connections at a role change, keeping the session', async () => {
    const u = await user('role-change', 'operator');
    const s = await signIn(u.id);
    const { reason, ms } = await endsWithin(s.id, () => m.admin.changeRole(u.id, 'viewer'));
    expect(reason).toBe('user-changed');
    expect(ms).toBeLessThan(1000);
    expect((await m.session.findSession(s.token))?.user.role).toBe('viewer');
  });

  it('disables an account: sessions end, sign-in is refused, enabling lets it back in', async () => {
    const u = await user('to-disable', 'viewer');
    const s = await signIn(u.id);
    const { ms } = await endsWithin(s.id, () => m.admin.setDisabled(u.id, true));
    expect(ms).toBeLessThan(1000);
    expect(await m.session.findSession(s.token)).toBeNull();
    expect(await m.accounts.authenticate('to-disable', PASSWORD)).toBeNull();
    expect((await m.accounts.listUsers()).find((r) => r.username === 'to-disable')).toMatchObject({ disabled: true, sessions: 0 });
    await m.admin.setDisabled(u.id, false);
    expect(await m.accounts.authenticate('to-disable', PASSWORD)).not.toBeNull();
  });

  it('deletes an account; its audit entries keep the name', async () => {
    const u = await user('short-lived', 'operator');
    await m.audit.recordAudit({ actor: u, action: 'vm.start', objectType: 'vm', objectName: 'web', outcome: 'ok' });
    const s = await signIn(u.id);
    const { reason } = await endsWithin(s.id, () => m.admin.deleteUser(u.id));
    expect(reason).toBe('revoked');
    expect(await m.db.db().user.findUnique({ where: { id: u.id } })).toBeNull();
    expect((await m.audit.listAudit({ q: 'short-lived' })).map((e) => e.username)).toContain('short-lived');
  });

  it('resets a password: the old one stops working and every session ends', async () => {
    const u = await user('forgetful', 'viewer');
    const s = await signIn(u.id);
    await endsWithin(s.id, () => m.admin.resetPassword(u.id, 'a-brand-new-password'));
    expect(await m.accounts.authenticate('forgetful', PASSWORD)).toBeNull();
    expect(await m.accounts.authenticate('forgetful', 'a-brand-new-password')).not.toBeNull();
  });

  it('changes your own password only with the current one, ending your other sessions', async () => {
    const u = await user('careful', 'operator');
    const here = await signIn(u.id);
    const there = await signIn(u.id);
    await expect(m.admin.changeOwnPassword(u.id, here.id, 'wrong-password', 'another-password-1')).rejects.toMatchObject({
      status: 403,
      fields: { currentPassword: expect.any(String) },
    });
    await endsWithin(there.id, () => m.admin.changeOwnPassword(u.id, here.id, PASSWORD, 'another-password-1'));
    expect(await m.session.findSession(here.token)).not.toBeNull();
    expect(await m.session.findSession(there.token)).toBeNull();
  });

  it("lists a user's sessions and revokes one", async () => {
    const u = await user('two-browsers', 'viewer');
    const a = await signIn(u.id);
    const b = await signIn(u.id);
    expect((await m.admin.listSessions(u.id)).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    await endsWithin(a.id, () => m.admin.revokeSession(u.id, a.id));
    expect((await m.admin.listSessions(u.id)).map((s) => s.id)).toEqual([b.id]);
    await expect(m.admin.revokeSession(u.id, a.id)).rejects.toMatchObject({ status: 404 });
  });

  it('ends watchers at sign-out and at expiry', async () => {
    const u = await user('leaving', 'viewer');
    const s = await signIn(u.id);
    expect((await endsWithin(s.id, () => m.session.deleteSession(s.token))).reason).toBe('signed-out');
    const t = await signIn(u.id);
    const soon = new Date(Date.now() + 300);
    await m.db.db().session.update({ where: { id: t.id }, data: { expiresAt: soon } });
    const { reason, ms } = await endsWithin(t.id, () => Promise.resolve());
    expect(reason).toBe('expired');
    expect(ms).toBeLessThan(1000);
  });
});
