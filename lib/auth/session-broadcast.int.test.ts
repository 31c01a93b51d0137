import { describe, expect, it } from 'vitest';
import { postgresUnderTest } from '@/test/support/test-postgres';
import { withTestDatabase } from '@/test/support/database-modules';

// Sign-outs are announced to the other Vireo servers on PostgreSQL only; on SQLite (one server) there is no channel
// at all. The announcements themselves: session-broadcast.pg.int.test.ts.

const m = withTestDatabase({
  broadcast: () => import('./session-broadcast'),
});

describe('session broadcast', () => {
  it('is opened on PostgreSQL only (one SQLite file has one server)', async () => {
    const channel = m.broadcast.sessionBroadcast(() => undefined);
    expect(channel !== null).toBe(postgresUnderTest() !== null);
    await channel?.close();
  });
});
