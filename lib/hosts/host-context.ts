import 'server-only';
import { EventEmitter } from 'node:events';
import { ConnectionError, LibvirtClient, parseUri, type ClientOptions, type Dialer } from '@/lib/libvirt';
import type { HostStatus } from './status';

// Everything a service needs to work on one libvirt host: which host it is, its connections, and the per-host
// state services keep (the live inventory, console sessions, edit locks). Services take a HostContext instead of
// reaching for a global connection, so a second host is a second context.
//
// A host has three kinds of connection, each for a reason:
// - the app connection, shared by every request and the live event feed;
// - the console connection: a console stream whose reader pauses pauses its whole socket, and page requests must
//   keep being answered whatever the consoles do;
// - one connection per transfer: an upload fills its socket and a download the browser reads slowly holds it back.

export interface HostOptions {
  /** Vireo's id for the host, as it appears in URLs. */
  id: string;
  /** Shown to people. */
  name: string;
  /** The libvirt URI, e.g. qemu:///system, qemu+ssh://root@h/system, qemu+tls://h/system. */
  uri: string;
  /** How to prove who we are to a remote host (SSH key and pinned host key, TLS certificates); every connection uses it. */
  credentials?: Pick<ClientOptions, 'ssh' | 'tls'>;
}

function failingDialer(uri: string, err: unknown): Dialer {
  const message = err instanceof Error ? err.message : String(err);
  return { description: uri, dial: () => Promise.reject(new ConnectionError('dial-failed', message)) };
}

const RETIRED = 'This host was removed from Vireo, or its settings changed; reload the page.';
const APP_TIMEOUT_MS = 60_000;
const CONSOLE_TIMEOUT_MS = 30_000;
const BACKOFF_MAX_MS = 2000;

export class HostContext {
  readonly id: string;
  readonly name: string;
  readonly uri: string;
  /** libvirtd runs on the machine Vireo runs on: host bridges, addresses and /dev/kvm are this machine's. */
  readonly local: boolean;

  private readonly credentials: Pick<ClientOptions, 'ssh' | 'tls'>;
  private app: LibvirtClient | null = null;
  private consoles: LibvirtClient | null = null;
  private readonly statusEvents = new EventEmitter();
  /** Set once the registry replaced or removed this host: nothing opens a connection for it again. */
  private retired = false;
  /** When the app connection stopped being open (null while open or never opened yet). */
  private downSince: Date | null = null;
  private readonly state = new Map<string, unknown>();
  /** What to stop when the host retires: the per-host services started for it (registry.ts, eachHost). */
  private readonly onRetired: (() => void)[] = [];

  constructor(opts: HostOptions) {
    this.id = opts.id;
    this.name = opts.name;
    this.uri = opts.uri;
    this.credentials = opts.credentials ?? {};
    const host = parseUri(opts.uri).host;
    this.local = host === null || host === 'localhost' || host === '127.0.0.1' || host === '::1';
    this.statusEvents.setMaxListeners(0);
  }

  /**
   * The app connection once it is open; waits briefly through a reconnect, then fails with ConnectionError. A host
   * already down for longer than the wait fails at once: every call waiting out the same reconnect loop again made
   * one down host hold up each answer that lists all hosts (/metrics, the inventory, placement) by the whole wait.
   */
  async libvirt(waitMs = 3000): Promise<LibvirtClient> {
    const client = this.appClient();
    if (client.state === 'open') return client;
    const left = this.downSince ? waitMs - (Date.now() - this.downSince.getTime()) : waitMs;
    try {
      if (left <= 0) throw new Error('down for longer than the wait');
      await client.waitOpen(AbortSignal.timeout(left));
    } catch {
      throw new ConnectionError('not-connected', this.problemOf(client) ?? 'libvirtd is not reachable');
    }
    return client;
  }

  /** The app connection whatever its state, for subscribing to libvirt's events. */
  eventClient(): LibvirtClient {
    return this.appClient();
  }

  /** The long-lived connection console streams share. */
  consoleClient(): LibvirtClient {
    if (this.retired) throw new ConnectionError('closed', RETIRED);
    if (!this.consoles) {
      this.consoles = this.newClient({ reconnect: true, backoffMaxMs: BACKOFF_MAX_MS, callTimeoutMs: CONSOLE_TIMEOUT_MS });
      this.consoles.on('event-error', () => undefined);
      this.consoles.start();
    }
    return this.consoles;
  }

  /** A connection of its own for one upload or download; the caller closes it when the transfer ends. */
  async openTransfer(): Promise<LibvirtClient> {
    const client = this.newClient({});
    await client.open();
    return client;
  }

  status(): HostStatus {
    if (this.retired) return { host: this.id, state: 'closed', problem: RETIRED, downSince: null };
    const client = this.appClient();
    return { host: this.id, state: client.state, problem: this.problemOf(client), downSince: this.downSince?.toISOString() ?? null };
  }

  onStatus(listener: (s: HostStatus) => void): () => void {
    this.appClient();
    this.statusEvents.on('status', listener);
    return () => this.statusEvents.off('status', listener);
  }

  /** Per-host state of a service (made on first use, kept for the host's life), e.g. scoped('inventory', ...). */
  scoped<T>(key: string, create: (host: HostContext) => T): T {
    if (!this.state.has(key)) this.state.set(key, create(this));
    return this.state.get(key) as T;
  }

  async close(): Promise<void> {
    await Promise.all([this.app?.close(), this.consoles?.close()]);
    this.app = null;
    this.consoles = null;
    this.state.clear();
  }

  /** Runs `stop` when the registry replaces or removes this host, before its connections close. */
  onRetire(stop: () => void): void {
    if (this.retired) stop();
    else this.onRetired.push(stop);
  }

  /** For the registry: the host was edited (a new context replaces this one) or removed. */
  async retire(): Promise<void> {
    this.retired = true;
    for (const stop of this.onRetired.splice(0)) stop();
    await this.close();
  }

  private appClient(): LibvirtClient {
    if (this.retired) throw new ConnectionError('closed', RETIRED);
    if (!this.app) {
      const client = this.newClient({ reconnect: true, backoffMaxMs: BACKOFF_MAX_MS, callTimeoutMs: APP_TIMEOUT_MS });
      client.on('state', () => {
        if (client.state === 'open') this.downSince = null;
        else if (client.state !== 'connecting') this.downSince ??= new Date();
        this.statusEvents.emit('status', this.status());
      });
      // A missing event kind on some driver must not crash the process; it only means fewer live updates.
      client.on('event-error', () => undefined);
      this.app = client;
      client.start();
    }
    return this.app;
  }

  /**
   * A client with this host's credentials. Credentials that cannot be used (a key that does not parse, a secret
   * that no longer decrypts) make a client whose every dial fails with the reason, so the host shows as down with
   * words an admin can act on instead of breaking every page that lists hosts.
   */
  private newClient(opts: ClientOptions): LibvirtClient {
    try {
      return new LibvirtClient(this.uri, { ...this.credentials, ...opts });
    } catch (err) {
      return new LibvirtClient(this.uri, { ...opts, dialer: failingDialer(this.uri, err) });
    }
  }

  private problemOf(client: LibvirtClient): string | null {
    if (client.state === 'open') return null;
    const why = client.lastFailure ? ` (${client.lastFailure.message})` : '';
    return `Vireo cannot reach libvirtd at ${this.uri}${why}. It reconnects by itself when libvirtd is back.`;
  }
}
