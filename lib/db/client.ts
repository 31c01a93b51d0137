import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaClient } from '@prisma/client';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { loadSettings } from '@/lib/config/settings';
import { processSingleton } from '@/lib/process/singleton';

// One client per process, however many bundles Next evaluates this module in.
// A generated Prisma client serves one provider. Both are generated (scripts/prisma-generate.sh): @prisma/client
// is SQLite's; PostgreSQL's (same models, so the same types) is loaded by a plain Node require at run time, out of
// the bundler's sight, only when DATABASE_URL names PostgreSQL.

type ClientClass = new (options: { adapter: PrismaPg }) => PrismaClient;

function postgresClientClass(): ClientClass {
  // Resolved from the working directory (npm start runs in the checkout), else from this module's own place.
  let firstError: unknown;
  for (const from of [path.join(process.cwd(), 'package.json'), import.meta.url]) {
    try {
      return (createRequire(from)('.prisma/client-postgresql/default') as { PrismaClient: ClientClass }).PrismaClient;
    } catch (err) {
      firstError ??= err;
    }
  }
  throw new Error(`The PostgreSQL Prisma client is missing; run npm run db:generate. (${(firstError as Error).message})`, { cause: firstError });
}

function create(): PrismaClient {
  const { databaseUrl, databaseProvider } = loadSettings();
  if (databaseProvider === 'sqlite') return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
  const PostgresClient = postgresClientClass();
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

export function db(): PrismaClient {
  return processSingleton('db', create);
}
