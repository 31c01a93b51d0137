import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The real thing, under an ordinary umask (022): `npm run db:migrate` into a data directory that does not exist
// yet, then the Prisma client writing through SQLite's WAL. Every file is 0600 and the directory 0700.

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let scratch: string;
let dataDir: string;
const mode = async (p: string) => (await stat(p)).mode & 0o777;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'vireo-modes-'));
  dataDir = path.join(scratch, 'data');
  process.env.VIREO_DATA_DIR = dataDir;
  process.env.DATABASE_URL = '';
  const umask = process.umask(0o022);
  try {
    await run(path.join(repoRoot, 'node_modules/.bin/tsx'), ['prisma/migrate.ts'], { cwd: repoRoot, env: process.env, timeout: 120_000 });
  } finally {
    process.umask(umask);
  }
});

afterAll(async () => {
  const { db } = await import('@/lib/db/client');
  await db().$disconnect();
  await rm(scratch, { recursive: true, force: true });
});

describe('database files', () => {
  it('are created 0600 in a 0700 data directory, the WAL and shared-memory files included', async () => {
    const { db } = await import('@/lib/db/client');
    await db().user.create({ data: { username: 'modes', passwordHash: 'x', role: 'viewer' } });
    const files = await readdir(dataDir);
    expect(files).toEqual(expect.arrayContaining(['vireo.db', 'vireo.db-wal', 'vireo.db-shm']));
    expect(await mode(dataDir)).toBe(0o700);
    for (const f of files) expect([f, await mode(path.join(dataDir, f))]).toEqual([f, 0o600]);
  });
});
