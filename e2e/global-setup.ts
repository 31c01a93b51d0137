import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureTestLibvirtd } from '../test/support/test-libvirtd';
import { postgresUnderTest, preparePostgresTier } from '../test/support/test-postgres';
import { makeDatabaseTemplate } from './support/db-template';

// The journeys run the production build, so build first (set VIREO_E2E_SKIP_BUILD=1 to reuse .next as is), against
// the test suite's own libvirtd (scripts/libvirtd-test.sh), started here when it is not up, and with
// VIREO_TEST_POSTGRES set (the e2e-pg tier) the suite's PostgreSQL (scripts/postgres-test.sh). Also makes the
// migrated database template fresh servers start from.
export default async function setup(): Promise<() => Promise<void>> {
  await ensureTestLibvirtd();
  // The e2e-pg tier: servers get databases on the suite's PostgreSQL cluster instead of SQLite files.
  if (postgresUnderTest()) await preparePostgresTier();
  // One migrated database that fresh servers copy (e2e/support/db-template.ts).
  const removeTemplate = await makeDatabaseTemplate();
  if (process.env.VIREO_E2E_SKIP_BUILD !== '1') {
    const root = fileURLToPath(new URL('..', import.meta.url));
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  return removeTemplate;
}
