import { afterAll, beforeAll } from 'vitest';
import { useTestDatabase } from './test-db';

// A test file's own throw-away database and the modules that use it. lib/db reads DATABASE_URL once, so those
// modules may only be imported after the database exists: a file names them here (as loaders) instead of importing
// them, and reads them from the returned object in its tests and hooks.

type Loaders = Record<string, () => Promise<unknown>>;
/** The loaded modules by name, and always the database client's module as `db`. */
export type LoadedModules<L extends Loaders> = { -readonly [K in keyof L]: Awaited<ReturnType<L[K]>> } & { db: typeof import('@/lib/db/client') };

/** What a test of jobs needs besides its own service: the runner that runs them and the store that reads them back. */
export const jobModules = {
  runner: () => import('@/lib/jobs/runner'),
  store: () => import('@/lib/jobs/store'),
};

export interface DatabaseModulesOptions {
  /** Settings the modules read when they load (e.g. a session lifetime), set before the first import. */
  env?: Record<string, string>;
}

/**
 * Registers the hooks: before the file's other `beforeAll` hooks, a fresh migrated database, then `env`, then the
 * modules in the order given; after its other `afterAll` hooks (they run in reverse), the database client is
 * closed and the data directory removed. Call it at the top level of the test file, before other hooks.
 */
export function withTestDatabase<L extends Loaders>(loaders: L, options: DatabaseModulesOptions = {}): LoadedModules<L> {
  const loaded = {} as Record<string, unknown>;
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    dispose = (await useTestDatabase()).dispose;
    Object.assign(process.env, options.env);
    loaded.db = await import('@/lib/db/client');
    for (const [name, load] of Object.entries(loaders)) loaded[name] = await load();
  }, 120_000);
  afterAll(async () => {
    if (loaded.db) await (loaded.db as LoadedModules<Loaders>['db']).db().$disconnect();
    await dispose?.();
  });
  return loaded as LoadedModules<L>;
}
