import { describe, expect, it } from 'vitest';
import { postgresUnderTest } from '@/test/support/test-postgres';
import { sessionBroadcast } from './session-broadcast';
import { withTestDatabase } from '@/test/support/with-test-database';

// Sign-outs are announced to the other Vireo servers on PostgreSQL only; on SQLite (one server) there is no channel
// at all. The announcements themselves: session-broadcast.pg.int.test.ts.

withTestDatabase();

describe('session broadcast', () => {
  it('is opened on PostgreSQL only (one SQLite file has one server)', async () => {
    const channel = sessionBroadcast(() => undefined);
    expect(channel !== null).toBe(postgresUnderTest() !== null);
    await channel?.close();
  });
});
