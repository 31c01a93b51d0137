import 'server-only';
import { PrismaClient } from '@prisma/client';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { loadSettings } from '@/lib/config/settings';
import { processSingleton } from '@/lib/process/singleton';

// One client per process, however many bundles Next evaluates this module in.

function create(): PrismaClient {
  const { databaseUrl, databaseProvider } = loadSettings();
  const adapter = databaseProvider === 'sqlite' ? new PrismaBetterSQLite3({ url: databaseUrl }) : new PrismaPg({ connectionString: databaseUrl });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  return processSingleton('db', create);
}
