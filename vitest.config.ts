import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { testSystemUri } from './test/support/test-libvirtd';
import { testPostgresUrl } from './test/support/test-postgres';

const root = fileURLToPath(new URL('.', import.meta.url));

// The integration files whose subject is the database (sessions, users, jobs and their leases, console tickets,
// rate limits): the "integration-pg" project runs them again on PostgreSQL (scripts/postgres-test.sh).
// Files named *.pg.int.test.ts test what exists on PostgreSQL only, and run in that project alone.
const postgresIntegration = ['**/*.pg.int.test.ts', 'lib/auth/**/*.int.test.ts', 'lib/jobs/**/*.int.test.ts', 'lib/consoles/tickets.int.test.ts'];

// Tiers: "unit" needs nothing but Node; "integration" talks to a real libvirtd, the test suite's own
// (scripts/libvirtd-test.sh: test:///default and qemu:///system with TCG guests), and runs files serially;
// "integration-pg" runs the database's files again on PostgreSQL.
export default defineConfig({
  // `server-only` throws outside React's server bundle; in tests the marker has nothing to guard.
  resolve: { alias: { '@': root, 'server-only': `${root}test/support/server-only-stub.ts` } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'server/**/*.test.ts', 'native/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['lib/**/*.int.test.ts', 'app/**/*.int.test.ts', 'server/**/*.int.test.ts', 'native/**/*.int.test.ts'],
          exclude: ['**/*.pg.int.test.ts', 'node_modules/**'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          globalSetup: ['test/support/integration-setup.ts'],
          // Code that reads the server's settings (localHost()) reaches the test daemon too, whatever the shell says.
          env: { LIBVIRT_URI: testSystemUri },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-pg',
          include: postgresIntegration,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          globalSetup: ['test/support/integration-pg-setup.ts'],
          // test/support/test-db.ts makes each file's database on this cluster instead of a SQLite file.
          env: { LIBVIRT_URI: testSystemUri, VIREO_TEST_POSTGRES: testPostgresUrl },
        },
      },
    ],
  },
});
