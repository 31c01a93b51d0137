import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testSystemUri } from '../../test/support/test-libvirtd';
import { createTestPostgresDatabase, postgresUnderTest } from '../../test/support/test-postgres';

// Every journey starts fresh servers, and `prisma migrate deploy` (or the PostgreSQL migrator) costs a couple of
// seconds of each start. The global setup migrates one database per run; a server with a fresh data directory and a
// database of its own starts from a copy of it. Restarts and servers sharing a database still run the migrator, as
// `npm start` after `npm run db:migrate` would.

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = path.join(root, 'node_modules/.bin/tsx');

/** The database of a fresh data directory, as prisma/migrate.ts makes it. */
const sqliteFile = 'vireo.db';
/** The PostgreSQL template's name; `vireo_e2e_` so that the next tier's setup drops it with the rest. */
const postgresTemplate = 'vireo_e2e_template';

/** Where the global setup leaves the template for the spec workers (they inherit its environment). */
const templateVar = 'VIREO_E2E_DB_TEMPLATE';

/** The migrated SQLite file, or in the e2e-pg tier the template database's name; undefined outside the e2e tiers. */
export function dbTemplate(): string | undefined {
  return process.env[templateVar] || undefined;
}

/** `npm run db:migrate` for a server with this environment (VIREO_DATA_DIR, DATABASE_URL). */
export async function migrateDatabase(env: NodeJS.ProcessEnv): Promise<void> {
  await run(tsx, ['--import', './server/server-only-hook.mjs', 'prisma/migrate.ts'], { cwd: root, env });
}

/** Global setup: migrates the template of this tier's databases and announces it to the specs; returns a teardown. */
export async function makeDatabaseTemplate(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vireo-e2e-template-'));
  const cluster = postgresUnderTest();
  const databaseUrl = cluster ? await createTestPostgresDatabase(cluster, postgresTemplate) : '';
  await migrateDatabase({ ...process.env, VIREO_DATA_DIR: dir, DATABASE_URL: databaseUrl, LIBVIRT_URI: testSystemUri });
  process.env[templateVar] = cluster ? postgresTemplate : path.join(dir, sqliteFile);
  return async () => {
    delete process.env[templateVar];
    await rm(dir, { recursive: true, force: true });
  };
}

/** Puts a copy of the template in place of a fresh server's own database (empty data directory, own database). */
export async function databaseFromTemplate(template: string, dataDir: string, databaseUrl: string): Promise<void> {
  if (databaseUrl) return; // PostgreSQL: serverDatabase() already made it from the template
  const file = path.join(dataDir, sqliteFile);
  await copyFile(template, file);
  await chmod(file, 0o600);
}
