import { describe, expect, it } from 'vitest';
import { openSessionBroadcast } from './session-broadcast';
import { withTestDatabase } from '@/test/support/with-test-database';

// Sign-outs announced to the other Vireo servers on one PostgreSQL (LISTEN/NOTIFY): three channels with different
// run ids stand for three servers. PostgreSQL only (the integration-pg project).

withTestDatabase();

describe('session broadcast on PostgreSQL', () => {
  it('carries an announcement to the other servers within milliseconds, not back to its sender', async () => {
    const heard = { a: [] as string[], b: [] as string[], c: [] as string[] };
    const url = process.env.DATABASE_URL!;
    const servers = (['a', 'b', 'c'] as const).map((id) => openSessionBroadcast(url, `run-${id}`, (key, reason) => heard[id].push(`${key} ${reason}`)));
    try {
      await Promise.all(servers.map((s) => s.ready()));
      const at = Date.now();
      servers[0]!.publish('session:abc', 'signed-out');
      servers[1]!.publish('user:u1', 'user-changed');
      while ((heard.c.length < 2 || heard.a.length < 1 || heard.b.length < 1) && Date.now() - at < 2000) await new Promise((r) => setTimeout(r, 10));
      expect(Date.now() - at).toBeLessThan(1000);
      expect(heard.c.sort()).toEqual(['session:abc signed-out', 'user:u1 user-changed']);
      expect(heard.a).toEqual(['user:u1 user-changed']);
      expect(heard.b).toEqual(['session:abc signed-out']);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });
});
