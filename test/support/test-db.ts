// A fresh, migrated SQLite database for tests that record jobs or audit entries. Call before anything asks
// lib/db for its client (the client reads DATABASE_URL once).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export async function useTestDatabase(): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vireo-db-'));
  process.env.VIREO_DATA_DIR = dir;
  process.env.DATABASE_URL = `file:${path.join(dir, 'vireo.db')}`;
  await run(path.join(repoRoot, 'node_modules/.bin/tsx'), ['--import', './server/server-only-hook.mjs', 'prisma/migrate.ts'], {
    cwd: repoRoot,
    env: process.env,
    timeout: 120_000,
  });
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}
