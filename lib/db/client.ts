import 'server-only';
import { PrismaClient } from '@prisma/client';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { loadSettings } from '@/lib/config/settings';

// One client per process. Next may evaluate this module in several bundles, so the instance lives on globalThis.
const slot = globalThis as unknown as { __vireoPrisma?: PrismaClient };

function create(): PrismaClient {
  const { databaseUrl, databaseProvider } = loadSettings();
  const adapter =
    databaseProvider === 'sqlite'
      ? new PrismaBetterSQLite3({ url: databaseUrl })
      : new PrismaPg({ connectionString: databaseUrl });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  slot.__vireoPrisma ??= create();
  return slot.__vireoPrisma;
}
