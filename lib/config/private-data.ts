import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Settings } from './settings';

// The data directory holds the database (password hashes, sessions, the audit trail), the TLS key, the setup
// code's hash and the log: owner only. Files are created 0600 and the directory 0700; SQLite gives its -wal and
// -shm files the database file's own mode, so a database created 0600 keeps its journals private too.

/** What Vireo itself keeps in the data directory. */
const OWN_ENTRIES = /^(vireo\.db(-wal|-shm|-journal)?|vireo\.log|setup-code\.sha256|secrets\.key|tls)$/;
const SQLITE_COMPANIONS = ['', '-wal', '-shm', '-journal'];

function tighten(file: string, mode: number): void {
  if (existsSync(file) && (statSync(file).mode & 0o777 & ~mode) !== 0) chmodSync(file, mode);
}

/**
 * A directory Vireo made, or one holding only Vireo's files, is made 0700. Any other (a shared or sticky
 * directory someone pointed VIREO_DATA_DIR at, say /tmp) is left alone, with a warning to return.
 */
function secureDirectory(dir: string): string | null {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return null;
  }
  const st = statSync(dir);
  if ((st.mode & 0o077) === 0) return null;
  const foreign = readdirSync(dir).filter((e) => !OWN_ENTRIES.test(e));
  const ours = process.getuid === undefined || st.uid === process.getuid();
  if ((st.mode & 0o1000) !== 0 || !ours || foreign.length > 0) {
    return (
      `The data directory ${dir} can be read by other users (mode ${(st.mode & 0o777).toString(8)}) and holds more than Vireo's files, so Vireo ` +
      `leaves it as it is; give Vireo a directory of its own (VIREO_DATA_DIR) or chmod 700 it.`
    );
  }
  chmodSync(dir, 0o700);
  return null;
}

/**
 * Makes the data directory and the SQLite database private before anything opens them; tightens what an older
 * version left readable. Returns a warning when the directory had to be left as it is.
 */
export function securePrivateData(s: Pick<Settings, 'dataDir' | 'databaseUrl' | 'databaseProvider'>): string | null {
  const warning = secureDirectory(s.dataDir);
  for (const entry of readdirSync(s.dataDir)) {
    if (!OWN_ENTRIES.test(entry)) continue;
    const full = path.join(s.dataDir, entry);
    tighten(full, entry === 'tls' ? 0o700 : 0o600);
  }
  tighten(path.join(s.dataDir, 'tls', 'key.pem'), 0o600);
  if (s.databaseProvider === 'sqlite') {
    const file = s.databaseUrl.slice('file:'.length);
    if (!existsSync(path.dirname(file))) mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // An empty file is an empty SQLite database: creating it here fixes its mode before SQLite or Prisma opens it.
    if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
    for (const suffix of SQLITE_COMPANIONS) tighten(`${file}${suffix}`, 0o600);
  }
  return warning;
}
