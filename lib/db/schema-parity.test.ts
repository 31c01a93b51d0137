import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The SQLite and PostgreSQL schemas must describe the same models; only the datasource block differs.
const read = (rel: string) => readFileSync(fileURLToPath(new URL(`../../${rel}`, import.meta.url)), 'utf8');
const models = (schema: string) => schema.slice(schema.indexOf('// --- models'));

describe('Prisma schemas', () => {
  it('keep identical models for SQLite and PostgreSQL', () => {
    expect(models(read('prisma/postgresql/schema.prisma'))).toBe(models(read('prisma/schema.prisma')));
  });
  it('have a migration for each provider', () => {
    expect(read('prisma/migrations/migration_lock.toml')).toContain('provider = "sqlite"');
    expect(read('prisma/postgresql/migrations/migration_lock.toml')).toContain('provider = "postgresql"');
  });
});
