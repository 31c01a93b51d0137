// A fresh, migrated database for tests that record jobs or audit entries: SQLite in a temporary data directory,
// or, in the PostgreSQL tier (VIREO_TEST_POSTGRES set), a fresh database on the suite's own cluster. Call before
// anything asks lib/db for its client (the client reads DATABASE_URL once).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestPostgresDatabase, postgresUnderTest } from './test-postgres';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export async function useTestDatabase(): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vireo-db-'));
  const cluster = postgresUnderTest();
  process.env.VIREO_DATA_DIR = dir;
  process.env.DATABASE_URL = cluster ? await createTestPostgresDatabase(cluster) : `file:${path.join(dir, 'vireo.db')}`;
  await migrateTestDatabase(process.env);
  // A PostgreSQL test database stays until the tier's next start (dropTestPostgresDatabases): the file's client may
  // still hold connections, and a drop would break them under it.
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** `npm run db:migrate` for the database the environment names. */
export async function migrateTestDatabase(env: NodeJS.ProcessEnv): Promise<void> {
  await run(path.join(repoRoot, 'node_modules/.bin/tsx'), ['--import', './server/server-only-hook.mjs', 'prisma/migrate.ts'], {
    cwd: repoRoot,
    env,
    timeout: 120_000,
  });
}
