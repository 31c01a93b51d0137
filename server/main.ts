import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { securePrivateData } from '@/lib/config/private-data';
import { ConfigError, loadSettings, type Settings } from '@/lib/config/settings';
import { openLog, type Logger } from '@/lib/log';
import { loadTls } from './tls';
import { admitForwarded, crossSiteReason } from './request-guard';
import { loadFastRoutes } from './fast-routes';
import { serveRoute } from './route-bridge';
import { applySecurityHeaders } from './security-headers';
import { findUpgrade, sameOriginUpgrade } from './upgrades';

// Vireo's process: validates settings, prepares TLS and the first-run code, then serves Next on one port.
// A custom server (not `next start`) because consoles need WebSocket upgrades on the same port.

(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** lib/ marks its database and libvirt modules `import 'server-only'`; only server/server-only-hook.mjs lets Node load them. */
function serverOnlyHookOrExit(): void {
  if (import.meta.resolve('server-only').endsWith('/empty.js')) return;
  console.error('Start Vireo with `npm start` (it loads server/server-only-hook.mjs, which this process lacks).');
  process.exit(2);
}

function settingsOrExit(): Settings {
  try {
    return loadSettings();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

async function firstRun(settings: Settings, log: Logger): Promise<void> {
  const { db } = await import('@/lib/db/client');
  let users: number;
  try {
    users = await db().user.count();
  } catch (err) {
    const why =
      (err as Error).message
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .at(-1) ?? String(err);
    log.error(`The database at ${redact(settings.databaseUrl)} is not ready (${why}). Run: npm run db:migrate`);
    process.exit(3);
  }
  const { deleteExpiredSessions } = await import('@/lib/auth/session');
  const sweep = () => void deleteExpiredSessions().catch((err: Error) => log.warn(`session cleanup failed: ${err.message}`));
  sweep();
  setInterval(sweep, 3_600_000).unref();
  if (users > 0) return;
  const { issueSetupCode } = await import('@/lib/auth/setup-code');
  const code = await issueSetupCode(settings.dataDir);
  log.info(`No account exists yet. Open Vireo in a browser and create the admin account with this one-time setup code: ${code}`);
}

/**
 * VM tags (lib/tags, kept in libvirt metadata) answer for the services that act per tag: backup schedules now,
 * alert rules when the collectors start. Before the scheduler starts, so a tag schedule never sees an empty lookup.
 */
async function wireTags(): Promise<void> {
  const { setTagResolver } = await import('@/lib/backups/tags');
  const { vmNamesWithTag } = await import('@/lib/tags/service');
  setTagResolver(vmNamesWithTag);
}

/**
 * Jobs a previous run left half done (a restart mid-creation) are rolled back before new ones can start; jobs of
 * other live servers on the database are theirs (they renew a lease on them), and are left alone.
 */
async function sweepInterruptedJobs(log: Logger, settings: Settings): Promise<void> {
  const processStart = new Date();
  const { startJobHeartbeat } = await import('@/lib/jobs/lease');
  startJobHeartbeat(log);
  const { recoverWhenConnected } = await import('@/lib/jobs/recovery');
  const { recoverInterruptedBackups } = await import('@/lib/backups/recovery');
  const { startBackupScheduler } = await import('@/lib/backups/scheduler');
  const { eachHost } = await import('@/lib/hosts');
  // Every host, and each host added later (or rebuilt by an edit): its services stop with its context.
  await eachHost((host) => {
    // Backups first: their libvirt job is aborted before the job sweep removes the volumes it writes.
    const connect = async () => {
      const client = await host.libvirt(30_000);
      await recoverInterruptedBackups(host.id, client, processStart);
      return client;
    };
    // Again every lease: the jobs of another server that died are failed once its lease on them runs out.
    const stopSweep = recoverWhenConnected(connect, processStart, log, host.id, settings.jobLeaseMs);
    const stopScheduler = startBackupScheduler(host);
    return () => {
      stopSweep();
      stopScheduler();
    };
  });
}

/** Each host's metrics collector (lib/metrics): history for graphs, rates for the VM list, and alerts. */
async function startMetricsCollectors(settings: Settings, log: Logger): Promise<void> {
  if (settings.metricsIntervalSeconds === null) return log.info('Metrics collection is off (VIREO_METRICS_INTERVAL_SECONDS=off), and with it alert evaluation');
  const { startMetrics } = await import('@/lib/metrics/collector');
  // Alert rules are evaluated on each collector round (lib/alerts): no collector, no alerts.
  const { startAlerts } = await import('@/lib/alerts/runtime');
  const { eachHost } = await import('@/lib/hosts');
  const { tagsByUuid } = await import('@/lib/tags/service');
  await eachHost((host) => {
    const stopMetrics = startMetrics(host);
    const stopAlerts = startAlerts(host, { tags: tagsByUuid });
    return () => {
      stopAlerts();
      stopMetrics();
    };
  });
}

/**
 * Which way guests run (KVM with which CPU mode, or emulation) is found by starting test guests, a few seconds'
 * work: done once at start, so the first wizard does not wait for it. Not when emulation is forced (no need).
 */
async function warmGuestWays(log: Logger, forced: boolean): Promise<void> {
  if (forced) return;
  const { guestDomainType } = await import('@/lib/host/virt-type');
  const { allHosts } = await import('@/lib/hosts');
  for (const host of await allHosts()) {
    void guestDomainType(host).then(
      (t) => log.info(`new guests on ${host.name}: ${t.type}${t.cpuMode ? ` (${t.cpuMode})` : ''}`),
      (err: Error) => log.warn(`guest start probe on ${host.name} failed: ${err.message}`),
    );
  }
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

/** A refused body declared at most this big is read to its end (and dropped) so a browser gets to see the 413. */
const DRAINED_REFUSAL_BYTES = 4 * 1024 * 1024;

/**
 * A body still arriving when the answer is sent was refused (over its limit, or not wanted). A browser that is still
 * uploading when the connection closes reports a network failure instead of the answer, so a body with a modest
 * Content-Length is read and discarded to its end (for at most 10 s); a chunked or bigger one gets the connection cut.
 */
function refusedBodyEnds(req: IncomingMessage): void {
  if (req.complete) return;
  const declared = Number(req.headers['content-length']);
  if (!(declared <= DRAINED_REFUSAL_BYTES)) return void req.socket.destroy();
  const cut = setTimeout(() => req.socket.destroy(), 10_000);
  req.once('end', () => clearTimeout(cut));
  req.once('close', () => clearTimeout(cut));
  req.resume();
}

async function main() {
  serverOnlyHookOrExit();
  const settings = settingsOrExit();
  process.env.DATABASE_URL = settings.databaseUrl;
  process.env.VIREO_DATA_DIR = settings.dataDir;
  const privacy = securePrivateData(settings);
  const log = openLog({ dataDir: settings.dataDir });
  if (privacy) log.warn(privacy);
  await firstRun(settings, log);
  await wireTags();
  await sweepInterruptedJobs(log, settings);
  // On PostgreSQL, sign-outs on other servers close this one's consoles and event streams from the start.
  await (await import('@/lib/auth/session-events')).startSessionBroadcast();
  await startMetricsCollectors(settings, log);
  await warmGuestWays(log, settings.forceEmulation);

  const { default: next } = await import('next');
  const app = next({ dev: false, dir: root, hostname: settings.host, port: settings.port, customServer: true });
  await app.prepare();
  const handle = app.getRequestHandler();
  const fastRoute = loadFastRoutes();

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    admitForwarded(req, settings.trustProxy);
    applySecurityHeaders(req, res, { tls: settings.tls.enabled });
    res.once('finish', () => refusedBodyEnds(req));
    const refused = crossSiteReason(req);
    if (refused) {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Cross-site request refused.' }));
      log.warn(`refused ${req.method} ${req.url}: ${refused}`);
      return;
    }
    const fast = fastRoute(req);
    (fast ? fast().then((handler) => serveRoute(handler, req, res)) : handle(req, res)).catch((err: unknown) => {
      log.error({ err }, `request ${req.method} ${req.url} failed`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };

  let scheme = 'http';
  let server;
  if (settings.tls.enabled) {
    const tls = await loadTls(settings.tls);
    if (tls.created) log.info(`Created a self-signed TLS certificate in ${path.dirname(settings.tls.certFile)} (SHA-1 ${tls.fingerprint})`);
    server = createHttpsServer({ cert: tls.cert, key: tls.key }, onRequest);
    scheme = 'https';
  } else {
    server = createHttpServer(onRequest);
  }

  (await import('./ws/index')).registerConsoles(settings, log);
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    admitForwarded(req, settings.trustProxy);
    const handler = findUpgrade(req.url);
    if (!handler || !sameOriginUpgrade(req)) {
      socket.end(`HTTP/1.1 ${handler ? '403 Forbidden' : '404 Not Found'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    handler(req, socket, head);
  });

  server.on('error', (err: NodeJS.ErrnoException) => {
    log.error(err.code === 'EADDRINUSE' ? `Port ${settings.port} is already in use; set VIREO_PORT to another port.` : `Server error: ${err.message}`);
    process.exit(4);
  });
  server.listen(settings.port, settings.host, () => {
    const shown = settings.host === '0.0.0.0' || settings.host === '::' ? hostname() : settings.host;
    log.info(`Vireo is serving on ${scheme}://${shown.includes(':') ? `[${shown}]` : shown}:${settings.port}/ (libvirt ${settings.libvirtUri})`);
  });

  const stop = (signal: string) => {
    log.info(`${signal}: shutting down`);
    // Exit once the last connection has ended (idle keep-alive ones close at once): libvirt connections and timers
    // would otherwise hold the process to the 2-second limit every time, which open streams and consoles still get.
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

await main();
