import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { VireoError } from '@/lib/errors';
import { log } from '@/lib/log';
import { processSingleton } from '@/lib/process/singleton';
import { parseOsFile, type OsRecord } from './record';
import { searchVariants } from './search';
import type { OsVariant } from './types';
import { resolveVariants } from './variant';

// The osinfo database of the machine Vireo runs on (Debian's osinfo-db package, installed by scripts/host-setup.sh),
// read once per process with Vireo's own XML reader: <dir>/os/<vendor>/<os>.xml. The *.d directories beside the
// files hold drivers for installers, which Vireo does not use.

export const OSINFO_DIR = '/usr/share/osinfo';

export interface OsDatabase {
  variants: OsVariant[];
  byId: Map<string, OsVariant>;
  byShortId: Map<string, OsVariant>;
}

/** The server lacks the database: nothing is wrong with the request (503, the message says what to install). */
export class OsinfoMissingError extends VireoError {
  override name = 'OsinfoMissingError';
  constructor(message: string) {
    super(message, { code: 'osinfo-missing' }, 503);
  }
}

export async function loadOsDatabase(dir = OSINFO_DIR, today = new Date().toISOString().slice(0, 10)): Promise<OsDatabase> {
  const root = path.join(dir, 'os');
  let vendors: string[];
  try {
    vendors = await readdir(root);
  } catch {
    throw new OsinfoMissingError(`The osinfo database is not installed on the Vireo server (no ${root}); install the osinfo-db package.`);
  }
  const records: OsRecord[] = [];
  for (const vendor of vendors.sort()) {
    const files = await readdir(path.join(root, vendor)).catch(() => [] as string[]);
    for (const f of files.filter((x) => x.endsWith('.xml')).sort()) {
      try {
        records.push(...parseOsFile(await readFile(path.join(root, vendor, f), 'utf8')));
      } catch (err) {
        log().warn(`osinfo: skipped ${vendor}/${f}: ${(err as Error).message}`);
      }
    }
  }
  const variants = resolveVariants(records, today);
  const byShortId = new Map<string, OsVariant>();
  for (const v of variants) for (const s of records.find((r) => r.id === v.id)!.shortIds) if (!byShortId.has(s)) byShortId.set(s, v);
  return { variants, byId: new Map(variants.map((v) => [v.id, v])), byShortId };
}

const cache = () => processSingleton('osinfo.db', () => ({ db: null as Promise<OsDatabase> | null }));

/** The database, read on first use and kept; a failed read is tried again next time. */
export function osDatabase(): Promise<OsDatabase> {
  const c = cache();
  if (!c.db) {
    const pending = loadOsDatabase();
    c.db = pending;
    pending.catch(() => {
      if (c.db === pending) c.db = null;
    });
  }
  return c.db;
}

export async function findOsVariants(query: string, limit = 30): Promise<OsVariant[]> {
  return searchVariants((await osDatabase()).variants, query, limit);
}

/** The OS with that libosinfo id, or null (also when the database is missing). */
export async function osVariantById(id: string): Promise<OsVariant | null> {
  return (await osDatabase().catch(() => null))?.byId.get(id) ?? null;
}

/** The first of these short ids the database knows (newest release first, then a generic one). */
export async function osVariantByShortIds(shortIds: readonly string[]): Promise<OsVariant | null> {
  const db = await osDatabase().catch(() => null);
  for (const s of shortIds) {
    const v = db?.byShortId.get(s);
    if (v) return v;
  }
  return null;
}

/** What a Linux cloud image too new for this database is recorded as (virt-install does the same). */
export const GENERIC_LINUX = ['linux2022', 'linux2020', 'linux2018', 'linux2016'];
