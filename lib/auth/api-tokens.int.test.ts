import { describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/test/support/database-modules';

// Bearer tokens in a real (throw-away) database, through the few seconds they are remembered once verified
// (token-cache.ts): revoking one, or disabling or demoting its user, takes effect at the very next request.

const m = withTestDatabase({
  tokens: () => import('./api-tokens'),
  admin: () => import('./user-admin'),
  accounts: () => import('./accounts'),
});
const PASSWORD = 'correct-horse-battery';

async function tokenOf(name: string, role: 'admin' | 'operator' | 'viewer') {
  await m.accounts.createUser(`${name}-keeper`, PASSWORD, 'admin'); // the last enabled admin is never disabled
  const owner = await m.accounts.createUser(name, PASSWORD, role);
  const { token, secret } = await m.tokens.createApiToken(owner, { name: 'prometheus', role, expiresAt: null });
  return { owner, token, secret };
}

describe('a remembered token', () => {
  it('is answered without the database while fresh, and refused at once once revoked', async () => {
    const { owner, token, secret } = await tokenOf('scraper', 'viewer');
    expect((await m.tokens.findApiToken(secret))?.tokenId).toBe(token.id);
    // Remembered: a change the database alone knows is not seen yet...
    await m.db.db().apiToken.update({ where: { id: token.id }, data: { name: 'renamed' } });
    expect((await m.tokens.findApiToken(secret))?.tokenName).toBe('prometheus');
    // ...but a revocation is announced, and forgotten with it.
    await m.tokens.revokeApiToken(owner, token.id);
    expect(await m.tokens.findApiToken(secret)).toBeNull();
  });

  it('is refused at once when its user is disabled, and capped at once when its user is demoted', async () => {
    const a = await tokenOf('ops', 'operator');
    expect((await m.tokens.findApiToken(a.secret))?.user.role).toBe('operator');
    await m.admin.changeRole(a.owner.id, 'viewer');
    expect((await m.tokens.findApiToken(a.secret))?.user.role).toBe('viewer');
    await m.admin.setDisabled(a.owner.id, true);
    expect(await m.tokens.findApiToken(a.secret)).toBeNull();
  });
});
