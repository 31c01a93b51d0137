// What one integration test file stages on the test daemon, made and removed by hooks of its own: the file's test
// pools, the guests it names and its host context. Each file used to keep its own list of these for its afterAll,
// and a guest left out of the list stayed defined on the daemon.
import { afterAll, beforeAll } from 'vitest';
import type { HostContext } from '@/lib/hosts/host-context';
import { testHost } from './test-host';
import { testPool, type TestPool } from './test-pool';
import { virshCleanupDomain } from './virsh';

export interface TestScene {
  /** The file's own host context, closed after the file. */
  readonly host: HostContext;
  /**
   * Returns the name, noting the guest for removal after the file: destroyed and undefined if it exists then,
   * whether the test defined it or the code under test did.
   */
  guest(name: string): string;
  /** A test pool, made empty before the file's own `beforeAll` hooks and removed after its guests are. */
  pool(name: string): TestPool;
}

/**
 * Registers the hooks: before the file's other `beforeAll` hooks, the pools are made; after its other `afterAll`
 * hooks (they run in reverse), the guests are removed, then the pools, then the host context is closed. Call it at
 * the top level of the test file, before other hooks, and name the pools at the top level too.
 */
export function testScene(): TestScene {
  const host = testHost();
  const guests: string[] = [];
  const pools: ReturnType<typeof testPool>[] = [];
  let poolsMade = false;
  beforeAll(async () => {
    poolsMade = true;
    for (const pool of pools) await pool.create();
  });
  afterAll(async () => {
    for (const name of guests) await virshCleanupDomain(name);
    for (const pool of pools) await pool.dispose();
    await host.close();
  });
  return {
    host,
    guest(name) {
      guests.push(name);
      return name;
    },
    pool(name) {
      if (poolsMade) throw new Error(`The test pool ${name} is named too late: name it at the top level of the file, before its hooks run.`);
      const pool = testPool(name);
      pools.push(pool);
      return pool;
    },
  };
}
