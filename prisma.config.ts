import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { loadSettings } from './lib/config/settings';

// The CLI runs on the JavaScript schema engine through a driver adapter, so generate and migrate need no
// downloaded native engine. DATABASE_URL's scheme picks the schema (and its migrations): SQLite by default,
// prisma/postgresql/ for PostgreSQL.
const settings = loadSettings();
process.env.DATABASE_URL = settings.databaseUrl;
const pg = settings.databaseProvider === 'postgresql';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: pg ? 'prisma/postgresql/schema.prisma' : 'prisma/schema.prisma',
  migrations: { path: pg ? 'prisma/postgresql/migrations' : 'prisma/migrations' },
  async adapter() {
    if (pg) {
      const { PrismaPg } = await import('@prisma/adapter-pg');
      return new PrismaPg({ connectionString: settings.databaseUrl });
    }
    mkdirSync(path.dirname(settings.databaseUrl.slice('file:'.length)), { recursive: true, mode: 0o700 });
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
    return new PrismaBetterSQLite3({ url: settings.databaseUrl });
  },
});
