import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { securePrivateData } from '../lib/config/private-data';
import { ConfigError, loadSettings } from '../lib/config/settings';

// `npm run db:migrate`: applies pending migrations for the database DATABASE_URL names.
// SQLite goes through `prisma migrate deploy`. PostgreSQL cannot: Prisma 6.19's JS schema engine fails to read
// the catalog through @prisma/adapter-pg ("Column type 'name' could not be deserialized", prisma/orm#27403),
// and its native engine would have to be downloaded. So the committed SQL of prisma/postgresql/migrations is
// applied here, each migration and its bookkeeping row in one transaction.

const root = fileURLToPath(new URL('..', import.meta.url));

async function migratePostgres(url: string): Promise<string[]> {
  const dir = path.join(root, 'prisma/postgresql/migrations');
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('CREATE TABLE IF NOT EXISTS "_vireo_migrations" (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    // One migrator at a time, e.g. two servers started together.
    await client.query('SELECT pg_advisory_lock(7310)');
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM "_vireo_migrations"')).rows.map((r) => r.name));
    for (const name of names.filter((n) => !done.has(n))) {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO "_vireo_migrations" (name) VALUES ($1)', [name]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed, nothing of it was applied: ${(err as Error).message}`, { cause: err });
      }
      applied.push(name);
    }
  } finally {
    await client.end();
  }
  return applied;
}

async function main(): Promise<void> {
  let settings;
  try {
    settings = loadSettings();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const warning = securePrivateData(settings);
  if (warning) console.error(`db: ${warning}`);
  if (settings.databaseProvider === 'sqlite') {
    execFileSync(path.join(root, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DATABASE_URL: settings.databaseUrl },
    });
    // Write-ahead logging: readers never wait for a writer, and a commit costs one WAL append instead of a
    // rollback journal round (about half the time per write here). The mode is stored in the file itself.
    const sqlite = new Database(settings.databaseUrl.slice('file:'.length));
    sqlite.pragma('journal_mode = WAL');
    sqlite.close();
    securePrivateData(settings);
    console.log('db: SQLite migrations applied');
    return;
  }
  const applied = await migratePostgres(settings.databaseUrl);
  console.log(applied.length ? `db: applied ${applied.join(', ')}` : 'db: PostgreSQL schema is up to date');
}

await main();
