import { EventEmitter } from 'node:events';
import { ConnectionError } from './errors';
import { AuthType, type ConnectOpenArgs, RemoteProcedures } from './protocol/remote.gen';
import { RpcConnection } from './rpc/connection';
import type { Header } from './rpc/packet';
import type { ProcedureCaller } from './rpc/types';
import type { Dialer } from './transport/dialer';
import { dialerFor } from './transport/dialer-for';
import type { SshCredentials } from './transport/ssh-dialer';
import type { TlsCredentials } from './transport/tls-dialer';
import { parseUri, type ParsedUri } from './transport/uri';
import type { XdrReader } from './xdr';
import { EventHub } from './events/hub';
import { HostApi } from './api/host';
import { DomainApi } from './api/domains';
import { NetworkApi } from './api/networks';
import { PoolApi, VolumeApi } from './api/storage';
import { MigrationApi } from './api/migration';
import { CheckpointApi } from './api/checkpoints';
import { BackupApi } from './api/backups';
import { SnapshotApi } from './api/snapshots';

/** VIR_DRV_FEATURE_PROGRAM_KEEPALIVE from libvirt_internal.h (not a public header). */
const FEATURE_PROGRAM_KEEPALIVE = 10;
/** VIR_CONNECT_RO. */
const CONNECT_RO = 1;

export type ClientState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface ClientOptions {
  readOnly?: boolean;
  /** Reconnect with backoff after the connection drops (default true). */
  reconnect?: boolean;
  /** Backoff bounds in ms (default 100 → 5000, doubling, with jitter). */
  backoffMinMs?: number;
  backoffMaxMs?: number;
  /** Default timeout per call in ms (default 120000; 0 = none). */
  callTimeoutMs?: number;
  /** Keepalive: ping after this much silence (default 5000 ms), give up after `keepaliveCount` silent intervals (5). */
  keepaliveIntervalMs?: number;
  keepaliveCount?: number;
  /** Override how to reach the daemon (tests). */
  dialer?: Dialer;
  /** For qemu+ssh:// URIs: the private key and how the host key is trusted. */
  ssh?: SshCredentials;
  /** For qemu+tls:// URIs: the CA, our client certificate and key. */
  tls?: TlsCredentials;
}

/**
 * A libvirt connection that survives daemon restarts. Calls made while it is not open fail at once with
 * ConnectionError('not-connected'); calls in flight when it drops fail with ConnectionError('interrupted').
 *
 * Emits 'state' (ClientState), 'disconnect' (ConnectionError), 'event-error' (name, Error).
 */
export class LibvirtClient extends EventEmitter implements ProcedureCaller {
  readonly uri: ParsedUri;
  readonly remote: RemoteProcedures;
  readonly events: EventHub;
  readonly host: HostApi;
  readonly domains: DomainApi;
  readonly networks: NetworkApi;
  readonly pools: PoolApi;
  readonly volumes: VolumeApi;
  readonly migration: MigrationApi;
  readonly checkpoints: CheckpointApi;
  readonly backups: BackupApi;
  readonly snapshots: SnapshotApi;

  private conn: RpcConnection | null = null;
  private _state: ClientState = 'idle';
  private readonly opts: Required<Omit<ClientOptions, 'dialer' | 'ssh' | 'tls'>>;
  private readonly dialer: Dialer;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private dialAbort: AbortController | null = null;
  private openWaiters: Array<{ resolve(): void; reject(e: Error): void }> = [];
  private lastError: Error | null = null;

  constructor(uri: string, opts: ClientOptions = {}) {
    super();
    this.uri = parseUri(uri);
    this.opts = {
      readOnly: opts.readOnly ?? false,
      reconnect: opts.reconnect ?? true,
      backoffMinMs: opts.backoffMinMs ?? 100,
      backoffMaxMs: opts.backoffMaxMs ?? 5000,
      callTimeoutMs: opts.callTimeoutMs ?? 120_000,
      keepaliveIntervalMs: opts.keepaliveIntervalMs ?? 5000,
      keepaliveCount: opts.keepaliveCount ?? 5,
    };
    this.dialer = opts.dialer ?? dialerFor(this.uri, this.opts.readOnly, { ssh: opts.ssh, tls: opts.tls });
    this.remote = new RemoteProcedures(this);
    this.events = new EventHub(
      this.remote,
      () => this._state === 'open',
      (name, err) => this.emit('event-error', name, err),
    );
    this.host = new HostApi(this.remote);
    this.domains = new DomainApi(this.remote);
    this.networks = new NetworkApi(this.remote);
    this.pools = new PoolApi(this.remote);
    this.volumes = new VolumeApi(this.remote);
    this.migration = new MigrationApi(this.remote);
    this.checkpoints = new CheckpointApi(this.remote);
    this.backups = new BackupApi(this.remote);
    this.snapshots = new SnapshotApi(this.remote);
  }

  get state(): ClientState {
    return this._state;
  }

  /** The reason the last attempt failed or the connection dropped, for "libvirtd is down" banners. */
  get lastFailure(): Error | null {
    return this.lastError;
  }

  /** Connects once; rejects with the reason if the daemon cannot be reached. Reconnection applies afterwards. */
  async open(): Promise<void> {
    if (this._state === 'open') return;
    if (this._state === 'closed') throw new ConnectionError('closed', 'client is closed');
    if (this._state !== 'idle') return this.waitOpen(); // start() is already trying
    this.clearRetry();
    this.setState('connecting');
    try {
      await this.establish();
    } catch (err) {
      this.setState('idle');
      throw err;
    }
  }

  /** Starts connecting in the background and keeps trying until open (or closed). Never throws. */
  start(): void {
    if (this._state !== 'idle') return;
    this.setState('connecting');
    void this.establish().catch(() => this.scheduleRetry());
  }

  /** Waits until the client is open (after start() or a reconnect). */
  waitOpen(signal?: AbortSignal): Promise<void> {
    if (this._state === 'open') return Promise.resolve();
    if (this._state === 'closed') return Promise.reject(new ConnectionError('closed', 'client is closed'));
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject };
      this.openWaiters.push(waiter);
      signal?.addEventListener(
        'abort',
        () => {
          this.openWaiters = this.openWaiters.filter((w) => w !== waiter);
          reject(new ConnectionError('not-connected', 'gave up waiting for libvirtd'));
        },
        { once: true },
      );
    });
  }

  async close(): Promise<void> {
    if (this._state === 'closed') return;
    this.clearRetry();
    this.dialAbort?.abort();
    const conn = this.conn;
    this.conn = null;
    this.setState('closed');
    const err = new ConnectionError('closed', 'client is closed');
    for (const w of this.openWaiters.splice(0)) w.reject(err);
    if (conn && !conn.closed) {
      await conn.call(2 /* CONNECT_CLOSE */, undefined, null, null, { timeoutMs: 2000 }).catch(() => undefined);
      conn.close(err);
    }
  }

  // Both forward to the open connection; their signatures are ProcedureCaller's.
  readonly call: ProcedureCaller['call'] = (...a) => this.current().call(...a);
  readonly callStream: ProcedureCaller['callStream'] = (...a) => this.current().callStream(...a);

  private current(): RpcConnection {
    if (this._state === 'open' && this.conn && !this.conn.closed) return this.conn;
    const why = this._state === 'closed' ? 'closed' : 'not-connected';
    const detail = this.lastError ? `: ${this.lastError.message}` : '';
    throw new ConnectionError(why, `not connected to libvirtd (${this._state})${detail}`);
  }

  private async establish(): Promise<void> {
    this.dialAbort = new AbortController();
    let socket;
    try {
      socket = await this.dialer.dial(this.dialAbort.signal);
    } catch (err) {
      this.lastError = err as Error;
      throw err;
    }
    const conn = new RpcConnection(socket, { callTimeoutMs: this.opts.callTimeoutMs });
    try {
      await this.handshake(conn);
    } catch (err) {
      conn.close(err instanceof ConnectionError ? err : new ConnectionError('dial-failed', (err as Error).message, { cause: err }));
      this.lastError = err as Error;
      throw err;
    }
    if (this._state === 'closed') {
      conn.close();
      return;
    }
    this.conn = conn;
    this.attempt = 0;
    this.lastError = null;
    conn.on('message', (h: Header, body: XdrReader) => this.events.onMessage(h, body));
    conn.on('close', (err: ConnectionError) => this.onDrop(conn, err));
    this.setState('open');
    await this.events.onConnected();
    for (const w of this.openWaiters.splice(0)) w.resolve();
  }

  /** auth-list, then polkit if that is all the daemon offers, connect-open, then keepalive when supported. */
  private async handshake(conn: RpcConnection): Promise<void> {
    const raw = new RemoteProcedures(conn);
    const opts = { timeoutMs: 30_000 };
    const { types } = await raw.authList(opts);
    if (types.length && !types.includes(AuthType.REMOTE_AUTH_NONE)) {
      if (!types.includes(AuthType.REMOTE_AUTH_POLKIT)) {
        throw new ConnectionError('dial-failed', `libvirtd requires SASL authentication, which Vireo does not support yet`);
      }
      await raw.authPolkit(opts);
    }
    const args: ConnectOpenArgs = { name: this.uri.remoteName, flags: this.opts.readOnly ? CONNECT_RO : 0 };
    await raw.connectOpen(args, opts);
    const { supported } = await raw.connectSupportsFeature({ feature: FEATURE_PROGRAM_KEEPALIVE }, opts);
    if (supported) conn.startKeepalive({ intervalMs: this.opts.keepaliveIntervalMs, count: this.opts.keepaliveCount });
  }

  private onDrop(conn: RpcConnection, err: ConnectionError): void {
    if (this.conn !== conn) return;
    this.conn = null;
    this.lastError = err;
    if (this._state === 'closed') return;
    this.emit('disconnect', err);
    if (!this.opts.reconnect) {
      this.setState('closed');
      for (const w of this.openWaiters.splice(0)) w.reject(err);
      return;
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this._state === 'closed') return;
    this.setState('reconnecting');
    const base = Math.min(this.opts.backoffMaxMs, this.opts.backoffMinMs * 2 ** this.attempt);
    const delay = base / 2 + Math.random() * (base / 2);
    this.attempt++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.establish().catch(() => this.scheduleRetry());
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private setState(s: ClientState): void {
    if (this._state === s) return;
    this._state = s;
    this.emit('state', s);
  }
}

/** Opens a client and waits for the first connection; throws a ConnectionError if libvirtd cannot be reached. */
export async function connect(uri: string, opts?: ClientOptions): Promise<LibvirtClient> {
  const client = new LibvirtClient(uri, opts);
  await client.open();
  return client;
}
