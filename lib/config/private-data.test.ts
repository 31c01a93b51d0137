import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { securePrivateData } from './private-data';

// The data directory and database files are made owner-only, without ever chmod-ing a directory that is not
// evidently Vireo's own.

const scratch = mkdtempSync(path.join(tmpdir(), 'vireo-private-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const mode = (p: string) => statSync(p).mode & 0o7777;
const sqlite = (dataDir: string) => ({ dataDir, databaseUrl: `file:${path.join(dataDir, 'vireo.db')}`, databaseProvider: 'sqlite' as const });

describe('securePrivateData', () => {
  it('creates a missing data directory 0700 and an empty database file 0600, whatever the umask', () => {
    const dir = path.join(scratch, 'fresh', 'data');
    const old = process.umask(0o000);
    try {
      expect(securePrivateData(sqlite(dir))).toBeNull();
    } finally {
      process.umask(old);
    }
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'vireo.db'))).toBe(0o600);
    expect(statSync(path.join(dir, 'vireo.db')).size).toBe(0);
  });

  it('tightens what an older version left readable: directory, database, journals, log, setup code, TLS key', () => {
    const dir = path.join(scratch, 'old');
    mkdirSync(path.join(dir, 'tls'), { recursive: true });
    const files = ['vireo.db', 'vireo.db-wal', 'vireo.db-shm', 'vireo.log', 'setup-code.sha256', 'tls/key.pem'];
    for (const f of files) writeFileSync(path.join(dir, f), 'x', { mode: 0o644 });
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'tls'), 0o755);
    expect(securePrivateData(sqlite(dir))).toBeNull();
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'tls'))).toBe(0o700);
    for (const f of files) expect([f, mode(path.join(dir, f))]).toEqual([f, 0o600]);
  });

  it('leaves a shared or sticky directory as it is and says so, but still makes its own files private', () => {
    const shared = path.join(scratch, 'shared');
    mkdirSync(shared, { mode: 0o755 });
    chmodSync(shared, 0o755);
    writeFileSync(path.join(shared, 'someone-elses.txt'), 'x');
    expect(securePrivateData(sqlite(shared))).toMatch(/can be read by other users \(mode 755\).*chmod 700/);
    expect(mode(shared)).toBe(0o755);
    expect(mode(path.join(shared, 'vireo.db'))).toBe(0o600);

    const sticky = path.join(scratch, 'sticky');
    mkdirSync(sticky);
    chmodSync(sticky, 0o1777);
    expect(securePrivateData(sqlite(sticky))).toMatch(/leaves it as it is/);
    expect(mode(sticky)).toBe(0o1777);
  });

  it('touches no database file for PostgreSQL', () => {
    const dir = path.join(scratch, 'pg');
    expect(securePrivateData({ dataDir: dir, databaseUrl: 'postgresql://v@db/vireo', databaseProvider: 'postgresql' })).toBeNull();
    expect(mode(dir)).toBe(0o700);
  });
});
