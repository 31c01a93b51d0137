import 'server-only';
import pg from 'pg';
import { loadSettings } from '@/lib/config/settings';
import { log } from '@/lib/log';
import { serverInstance } from '@/lib/process/instance';
import { processSingleton } from '@/lib/process/singleton';

// Several Vireo servers on one PostgreSQL: a session that ends on one server (sign-out, revocation, a user
// disabled) must close the consoles and event streams other servers hold for it. Each server LISTENs on one
// channel and NOTIFYs it with what it announces locally; PostgreSQL delivers to every listener within
// milliseconds. On SQLite there is one server and nothing to do. Should the connection drop, it is opened again;
// what was said meanwhile is caught by the watchers' own slow poll of the session (session-watch.ts).

const CHANNEL = 'vireo_sessions';
const RETRY_MS = 1000;

export interface Broadcast {
  publish(key: string, reason: string): void;
  /** Resolves once this server listens (tests, and the start of a server that must not miss the first event). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

interface Message {
  from: string;
  key: string;
  reason: string;
}

/** A server's side of the channel; `me` (its run id) tells its own messages from the others'. */
export function openSessionBroadcast(url: string, me: string, deliver: (key: string, reason: string) => void): Broadcast {
  let client: pg.Client | null = null;
  let closed = false;
  let connected: Promise<void>;
  const connect = (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      try {
        const m = JSON.parse(n.payload) as Message;
        if (m.from !== me) deliver(m.key, m.reason);
      } catch {
        // not one of ours
      }
    });
    const retry = (why: string) => {
      if (closed || client !== c) return;
      client = null;
      log().warn(`session broadcast: ${why}; reconnecting`);
      c.end().catch(() => undefined);
      setTimeout(() => {
        if (!closed) connected = connect().catch(() => undefined);
      }, RETRY_MS).unref();
    };
    c.on('error', (err) => retry(err.message));
    c.on('end', () => retry('connection ended'));
    client = c;
    return c
      .connect()
      .then(() => c.query(`LISTEN ${CHANNEL}`))
      .then(() => undefined)
      .catch((err: Error) => retry(err.message));
  };
  connected = connect();
  return {
    publish(key, reason) {
      const payload = JSON.stringify({ from: me, key, reason } satisfies Message);
      void connected.then(() => client?.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch(() => undefined));
    },
    ready: () => connected,
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}

/** The cross-server channel, or null on SQLite (one server). `deliver` is the local announcement. */
export function sessionBroadcast(deliver: (key: string, reason: string) => void): Broadcast | null {
  const { databaseProvider, databaseUrl } = loadSettings();
  if (databaseProvider !== 'postgresql') return null;
  return processSingleton('auth.session-broadcast', () => openSessionBroadcast(databaseUrl, serverInstance().runId, deliver));
}
