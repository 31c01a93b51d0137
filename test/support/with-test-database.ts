import { afterAll, beforeAll } from 'vitest';
import { db } from '@/lib/db/client';
import { useTestDatabase } from './test-db';

// A test file's own throw-away database. The file imports the modules it tests as any file does: lib/db makes its
// client on the first query and every setting is read when asked for, so nothing touches the database before the
// hook below has made it.

export interface TestDatabaseOptions {
  /** Settings the code under test reads (e.g. a session lifetime), set before the file's first test. */
  env?: Record<string, string>;
}

export interface TestDatabase {
  /** The data directory (VIREO_DATA_DIR) holding the database. */
  readonly dir: string;
}

/**
 * Registers the hooks: before the file's other `beforeAll` hooks, a fresh migrated database, then `env`; after its
 * other `afterAll` hooks (they run in reverse), the database client is closed and the data directory removed. Call it
 * at the top level of the test file, before other hooks.
 */
export function withTestDatabase(options: TestDatabaseOptions = {}): TestDatabase {
  let made: Awaited<ReturnType<typeof useTestDatabase>> | undefined;
  beforeAll(async () => {
    made = await useTestDatabase();
    Object.assign(process.env, options.env);
  }, 120_000);
  afterAll(async () => {
    if (!made) return;
    await db().$disconnect();
    await made.dispose();
  });
  return {
    get dir() {
      if (!made) throw new Error('The test database is made in the first beforeAll hook; read its directory from a hook or test');
      return made.dir;
    },
  };
}
