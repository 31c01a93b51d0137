// The test suite's own PostgreSQL (scripts/postgres-test.sh): the PostgreSQL tiers (integration-pg, e2e-pg) set
// VIREO_TEST_POSTGRES to its URL, and every test database or test server then gets a fresh database in it instead
// of a SQLite file. Without the variable everything runs on SQLite, as before.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../../scripts/postgres-test.sh', import.meta.url));

const dir = process.env.VIREO_TEST_POSTGRES_DIR ?? '/run/vireo-test/postgres';
const port = process.env.VIREO_TEST_POSTGRES_PORT ?? '55432';
/** The cluster's `postgres` database as the superuser role vireo (unix socket only). */
export const testPostgresUrl = `postgresql://vireo@localhost:${port}/postgres?host=${dir}/run`;

/** The cluster the PostgreSQL tiers use, or null in the SQLite tiers. */
export function postgresUnderTest(): string | null {
  return process.env.VIREO_TEST_POSTGRES || null;
}

/** Starts the cluster unless it already answers. */
export async function ensureTestPostgres(): Promise<void> {
  await run('bash', [script, 'start'], { timeout: 120_000 });
}

/** The URL of database `name` on the cluster at `base`. */
export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(base: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates database `name` (a fresh random one when absent) unless it exists, as a copy of database `template` when
 * given; returns its URL.
 */
export async function createTestPostgresDatabase(base: string, name = `vireo_test_${randomBytes(6).toString('hex')}`, template?: string): Promise<string> {
  for (const n of [name, template ?? name]) if (!/^[a-z0-9_]{1,63}$/.test(n)) throw new Error(`bad test database name ${n}`);
  await admin(base, async (c) => {
    const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  });
  return databaseUrl(base, name);
}

/** Drops the databases earlier runs' tests made (names starting vireo_test_ or vireo_e2e_). */
export async function dropTestPostgresDatabases(base: string): Promise<void> {
  await admin(base, async (c) => {
    const old = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname ~ '^vireo_(test|e2e)_'");
    for (const { datname } of old.rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

/** Global setup of a PostgreSQL tier: the cluster is up and holds no test database of an earlier run. */
export async function preparePostgresTier(): Promise<void> {
  await ensureTestPostgres();
  await dropTestPostgresDatabases(testPostgresUrl);
}
