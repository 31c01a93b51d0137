import { describe, expect, it } from 'vitest';
import { createUser } from './accounts';
import { createApiToken, findApiToken, revokeApiToken } from './api-tokens';
import { changeRole, setDisabled } from './user-admin';
import { db } from '@/lib/db/client';
import { withTestDatabase } from '@/test/support/with-test-database';

// Bearer tokens in a real (throw-away) database, through the few seconds they are remembered once verified
// (token-cache.ts): revoking one, or disabling or demoting its user, takes effect at the very next request.

withTestDatabase();
const PASSWORD = 'correct-horse-battery';

async function tokenOf(name: string, role: 'admin' | 'operator' | 'viewer') {
  await createUser(`${name}-keeper`, PASSWORD, 'admin'); // the last enabled admin is never disabled
  const owner = await createUser(name, PASSWORD, role);
  const { token, secret } = await createApiToken(owner, { name: 'prometheus', role, expiresAt: null });
  return { owner, token, secret };
}

describe('a remembered token', () => {
  it('is answered without the database while fresh, and refused at once once revoked', async () => {
    const { owner, token, secret } = await tokenOf('scraper', 'viewer');
    expect((await findApiToken(secret))?.tokenId).toBe(token.id);
    // Remembered: a change the database alone knows is not seen yet...
    await db().apiToken.update({ where: { id: token.id }, data: { name: 'renamed' } });
    expect((await findApiToken(secret))?.tokenName).toBe('prometheus');
    // ...but a revocation is announced, and forgotten with it.
    await revokeApiToken(owner, token.id);
    expect(await findApiToken(secret)).toBeNull();
  });

  it('is refused at once when its user is disabled, and capped at once when its user is demoted', async () => {
    const a = await tokenOf('ops', 'operator');
    expect((await findApiToken(a.secret))?.user.role).toBe('operator');
    await changeRole(a.owner.id, 'viewer');
    expect((await findApiToken(a.secret))?.user.role).toBe('viewer');
    await setDisabled(a.owner.id, true);
    expect(await findApiToken(a.secret)).toBeNull();
  });
});
