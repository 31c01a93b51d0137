import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { testSystemUri } from '../test/support/test-libvirtd';
import { postgresUnderTest } from '../test/support/test-postgres';

const root = fileURLToPath(new URL('..', import.meta.url));

// Browser journeys: each spec starts its own Vireo server (fresh data dir) and drives Debian's Chromium.
export default defineConfig({
  root,
  resolve: { alias: { '@': root, 'server-only': `${root}test/support/server-only-stub.ts` } },
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    // Journeys of several servers on one database (*.pg.e2e.ts) need PostgreSQL: only the e2e-pg tier runs them.
    exclude: postgresUnderTest() ? [] : ['e2e/**/*.pg.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A page follows libvirt through the live feed; on a loaded CI machine that can take seconds, not one.
    expect: { poll: { timeout: 15_000 } },
    // In-process code that reads the server's settings reaches the test suite's libvirtd, never the host's.
    env: { LIBVIRT_URI: testSystemUri },
  },
});
