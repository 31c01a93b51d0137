import { describe, expect, it } from 'vitest';
import { authenticate, createUser, listUsers } from './accounts';
import { createSession, deleteSession, findSession } from './session';
import { watchSession } from './session-watch';
import { changeOwnPassword, changeRole, deleteUser, listSessions, resetPassword, revokeSession, setDisabled } from './user-admin';
import { listAudit, recordAudit } from '@/lib/audit/log';
import { db } from '@/lib/db/client';
import { withTestDatabase } from '@/test/support/with-test-database';

// Managing accounts in a real (throw-away) database: what takes a right away ends the user's sessions and wakes
// every connection watching them within the second; the last enabled admin cannot be demoted, disabled or deleted;
// audit entries keep a deleted user's name.

withTestDatabase();
const PASSWORD = 'correct-horse-battery';

const user = (name: string, role: 'admin' | 'operator' | 'viewer') => createUser(name, PASSWORD, role);
const signIn = async (id: string) => {
  const s = await createSession(id, {});
  return { ...s, id: (await findSession(s.token))!.id };
};
/** Resolves with the reason the watched session ended, and how long it took after `act` started. */
async function endsWithin(sessionId: string, act: () => Promise<unknown>): Promise<{ reason: string; ms: number }> {
  let started = 0;
  const ended = new Promise<{ reason: string; ms: number }>((resolve) => {
    watchSession(sessionId, (reason) => resolve({ reason, ms: Date.now() - started }));
  });
  await new Promise((r) => setTimeout(r, 50)); // the watcher has read its session
  started = Date.now();
  await act();
  return ended;
}

describe('user administration', () => {
  it('never leaves Vireo without an enabled admin', async () => {
    const root = await user('root-admin', 'admin');
    await expect(changeRole(root.id, 'viewer')).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/without an enabled admin/) });
    await expect(setDisabled(root.id, true)).rejects.toMatchObject({ status: 409 });
    await expect(deleteUser(root.id)).rejects.toMatchObject({ status: 409 });
    expect((await db().user.findUniqueOrThrow({ where: { id: root.id } })).role).toBe('admin');
    const second = await user('second-admin', 'admin');
    await changeRole(root.id, 'operator');
    await expect(deleteUser(second.id)).rejects.toMatchObject({ status: 409 });
    await changeRole(root.id, 'admin');
  });

  it('closes live connections at a role change, keeping the session', async () => {
    const u = await user('role-change', 'operator');
    const s = await signIn(u.id);
    const { reason, ms } = await endsWithin(s.id, () => changeRole(u.id, 'viewer'));
    expect(reason).toBe('user-changed');
    expect(ms).toBeLessThan(1000);
    expect((await findSession(s.token))?.user.role).toBe('viewer');
  });

  it('disables an account: sessions end, sign-in is refused, enabling lets it back in', async () => {
    const u = await user('to-disable', 'viewer');
    const s = await signIn(u.id);
    const { ms } = await endsWithin(s.id, () => setDisabled(u.id, true));
    expect(ms).toBeLessThan(1000);
    expect(await findSession(s.token)).toBeNull();
    expect(await authenticate('to-disable', PASSWORD)).toBeNull();
    expect((await listUsers()).find((r) => r.username === 'to-disable')).toMatchObject({ disabled: true, sessions: 0 });
    await setDisabled(u.id, false);
    expect(await authenticate('to-disable', PASSWORD)).not.toBeNull();
  });

  it('deletes an account; its audit entries keep the name', async () => {
    const u = await user('short-lived', 'operator');
    await recordAudit({ actor: u, action: 'vm.start', objectType: 'vm', objectName: 'web', outcome: 'ok' });
    const s = await signIn(u.id);
    const { reason } = await endsWithin(s.id, () => deleteUser(u.id));
    expect(reason).toBe('revoked');
    expect(await db().user.findUnique({ where: { id: u.id } })).toBeNull();
    expect((await listAudit({ q: 'short-lived' })).map((e) => e.username)).toContain('short-lived');
  });

  it('resets a password: the old one stops working and every session ends', async () => {
    const u = await user('forgetful', 'viewer');
    const s = await signIn(u.id);
    await endsWithin(s.id, () => resetPassword(u.id, 'a-brand-new-password'));
    expect(await authenticate('forgetful', PASSWORD)).toBeNull();
    expect(await authenticate('forgetful', 'a-brand-new-password')).not.toBeNull();
  });

  it('changes your own password only with the current one, ending your other sessions', async () => {
    const u = await user('careful', 'operator');
    const here = await signIn(u.id);
    const there = await signIn(u.id);
    await expect(changeOwnPassword(u.id, here.id, 'wrong-password', 'another-password-1')).rejects.toMatchObject({
      status: 403,
      fields: { currentPassword: expect.any(String) },
    });
    await endsWithin(there.id, () => changeOwnPassword(u.id, here.id, PASSWORD, 'another-password-1'));
    expect(await findSession(here.token)).not.toBeNull();
    expect(await findSession(there.token)).toBeNull();
  });

  it("lists a user's sessions and revokes one", async () => {
    const u = await user('two-browsers', 'viewer');
    const a = await signIn(u.id);
    const b = await signIn(u.id);
    expect((await listSessions(u.id)).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    await endsWithin(a.id, () => revokeSession(u.id, a.id));
    expect((await listSessions(u.id)).map((s) => s.id)).toEqual([b.id]);
    await expect(revokeSession(u.id, a.id)).rejects.toMatchObject({ status: 404 });
  });

  it('ends watchers at sign-out and at expiry', async () => {
    const u = await user('leaving', 'viewer');
    const s = await signIn(u.id);
    expect((await endsWithin(s.id, () => deleteSession(s.token))).reason).toBe('signed-out');
    const t = await signIn(u.id);
    const soon = new Date(Date.now() + 300);
    await db().session.update({ where: { id: t.id }, data: { expiresAt: soon } });
    const { reason, ms } = await endsWithin(t.id, () => Promise.resolve());
    expect(reason).toBe('expired');
    expect(ms).toBeLessThan(1000);
  });
});
