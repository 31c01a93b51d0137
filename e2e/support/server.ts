import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testSystemUri } from '@/test/support/test-libvirtd';
import { createTestPostgresDatabase, postgresUnderTest } from '@/test/support/test-postgres';
import { databaseFromTemplate, dbTemplate, migrateDatabase } from './db-template';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** tsx and the flag `npm start` passes it: lib's `import 'server-only'` resolves to nothing in our own processes. */
const tsx = path.join(root, 'node_modules/.bin/tsx');
const serverOnlyHook = ['--import', './server/server-only-hook.mjs'];

export interface VireoServer {
  url: string;
  setupCode: string | null;
  dataDir: string;
  /** Its DATABASE_URL: '' (SQLite in the data directory) or, in the e2e-pg tier, a database of the test cluster. */
  databaseUrl: string;
  /** The process group of the server (tsx and the Node process it runs), for resource measurements. */
  pgid: number;
  output: () => string;
  /** Stops the server and removes its data directory (keepData: leave it for a restart). */
  stop: (opts?: { keepData?: boolean; signal?: NodeJS.Signals }) => Promise<void>;
}

export interface StartOptions {
  /** Reuse the data directory (database, TLS) of a stopped server: a restart. */
  dataDir?: string;
  /** PostgreSQL: share this database (another server's databaseUrl): several servers behind one load balancer. */
  databaseUrl?: string;
}

/**
 * The database of a server with this data directory: SQLite inside it, or in the e2e-pg tier (VIREO_TEST_POSTGRES) a
 * database named after it, so a restart on the same data directory finds its database again.
 */
async function serverDatabase(dataDir: string, shared: string | undefined, template: string | undefined): Promise<string> {
  const cluster = postgresUnderTest();
  if (shared !== undefined || !cluster) return shared ?? '';
  const name = `vireo_e2e_${path
    .basename(dataDir)
    .replace(/^vireo-e2e-/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '_')}`;
  return createTestPostgresDatabase(cluster, name, template);
}

/** A TCP port on loopback that nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts the real server (HTTPS, fresh SQLite DB in a temp data dir) and reads the setup code it prints. */
export async function startVireo(env: Record<string, string> = {}, opts: StartOptions = {}): Promise<VireoServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'vireo-e2e-')));
  const port = await freePort();
  // A fresh data directory with a database of its own starts from the migrated template; the rest migrate.
  const template = opts.dataDir === undefined && opts.databaseUrl === undefined ? dbTemplate() : undefined;
  const databaseUrl = await serverDatabase(dataDir, opts.databaseUrl, template);
  const childEnv = {
    ...process.env,
    VIREO_DATA_DIR: dataDir,
    VIREO_PORT: String(port),
    VIREO_HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    // Named after its data directory, not its port (a new one at each start): a restart is the same server.
    VIREO_SERVER_ID: `e2e-${path.basename(dataDir)}`,
    // The test suite's own libvirtd, never the host's (where a Vireo may be serving).
    LIBVIRT_URI: testSystemUri,
    // Specs share one libvirtd and some read guests' ptys directly: a test server adopts only consoles it is asked for.
    VIREO_CONSOLE_CAPTURE: 'opened',
    // The suite's guests run under TCG. Unforced, every server would start its own test guests at start to find which
    // way guests run here (seconds of libvirtd's and QEMU's work beside each spec): the specs of that probe
    // (first-vm, readiness) ask for it.
    VIREO_FORCE_EMULATION: '1',
    ...env,
  };
  if (template && childEnv.VIREO_DATA_DIR === dataDir && childEnv.DATABASE_URL === databaseUrl) await databaseFromTemplate(template, dataDir, databaseUrl);
  else await migrateDatabase(childEnv);
  // Its own process group: tsx runs the server in a child process, and a signal must reach both (a SIGKILL of
  // tsx alone would leave the real server running, holding the database).
  const child: ChildProcess = spawn(tsx, [...serverOnlyHook, 'server/main.ts'], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Vireo did not start in time:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/Vireo is serving on (\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Vireo exited with ${code}:\n${out}`));
    });
  });
  const printed = await ready;
  const setupCode = out.match(/setup code: ([A-Z0-9-]+)/)?.[1] ?? null;
  return {
    url: printed.replace(/\/$/, ''),
    setupCode,
    dataDir,
    databaseUrl,
    pgid: child.pid!,
    output: () => out,
    async stop(stopOpts = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        const group = (signal: NodeJS.Signals) => {
          try {
            process.kill(-child.pid!, signal);
          } catch {
            // already gone
          }
        };
        group(stopOpts.signal ?? 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) group('SIGKILL');
      }
      if (!stopOpts.keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
