import 'server-only';
import { loadSettings } from '@/lib/config/settings';
import { NotFoundError } from '@/lib/errors';
import { log } from '@/lib/log';
import { processSingleton } from '@/lib/process/singleton';
import { HostContext } from './host-context';
import { HOST_ID } from './input';
import { ensureLocalHostRow, hostOptionsOf, hostRow, LOCAL_HOST_ID, listHostRows, type HostRow } from './store';

// The hosts this Vireo server manages, one HostContext each, loaded from the database (lib/hosts/store.ts). The
// local host always exists (it follows LIBVIRT_URI, and its row is made at first start); the others are what
// admins added. An edit or a removal closes the host's old context (its connections, feeds and per-host state)
// and, for an edit, builds a new one from the stored row.

export { LOCAL_HOST_ID };

class HostRegistry {
  private readonly hosts = new Map<string, HostContext>();
  private loading: Promise<void> | null = null;
  /** Per-host services (collectors, schedulers): started on every host, and on each context made later. */
  private readonly starters = new Set<HostStarter>();

  constructor() {
    this.hosts.set(LOCAL_HOST_ID, new HostContext({ id: LOCAL_HOST_ID, name: 'This host', uri: loadSettings().libvirtUri }));
  }

  /** Reads the stored hosts once per process; a database that cannot be read leaves the local host working. */
  load(): Promise<void> {
    this.loading ??= this.read().catch((err: Error) => {
      log().warn({ err }, `hosts: cannot read the hosts from the database (${err.message}); only the local host is served`);
      this.loading = null;
    });
    return this.loading;
  }

  private async read(): Promise<void> {
    await ensureLocalHostRow(loadSettings().libvirtUri);
    for (const row of await listHostRows()) this.install(row);
  }

  private install(row: HostRow): HostContext {
    const old = this.hosts.get(row.id);
    // The local host's connection follows LIBVIRT_URI whatever the row says; only its name is the admin's.
    const uri = row.id === LOCAL_HOST_ID ? loadSettings().libvirtUri : row.uri;
    if (old && old.name === row.name && old.uri === uri && row.id === LOCAL_HOST_ID) return old;
    const host = new HostContext(hostOptionsOf(row, uri));
    this.hosts.set(row.id, host);
    // The old context's services stop (synchronously, as retire begins) before the new one's start.
    if (old) void old.retire();
    for (const start of this.starters) begin(host, start);
    return host;
  }

  async get(id: string): Promise<HostContext> {
    await this.load();
    const host = this.hosts.get(id);
    if (host) return host;
    // Added by another Vireo server on the same database since this one loaded.
    if (HOST_ID.test(id)) {
      const row = await hostRow(id).catch(() => null);
      if (row) return this.install(row);
    }
    throw new NotFoundError(`There is no host "${id.slice(0, 100)}" in Vireo.`);
  }

  async each(start: HostStarter): Promise<void> {
    await this.load();
    this.starters.add(start);
    for (const host of this.hosts.values()) begin(host, start);
  }

  getLoaded(id: string): HostContext | undefined {
    return this.hosts.get(id);
  }

  all(): HostContext[] {
    return [...this.hosts.values()];
  }

  /** After an edit: the host's context is rebuilt from its row (the old one closed). */
  async reload(id: string): Promise<HostContext> {
    await this.load();
    return this.install(await hostRow(id));
  }

  /** After a removal: its context is closed and forgotten. */
  async forget(id: string): Promise<void> {
    const old = this.hosts.get(id);
    this.hosts.delete(id);
    await old?.retire();
  }
}

/** Starts a per-host service on a host; what it returns is called when the host retires (edited or removed). */
export type HostStarter = (host: HostContext) => void | (() => void);

function begin(host: HostContext, start: HostStarter): void {
  try {
    const stop = start(host);
    if (stop) host.onRetire(stop);
  } catch (err) {
    log().warn({ err }, `hosts: a service could not start on ${host.name}: ${(err as Error).message}`);
  }
}

function registry(): HostRegistry {
  return processSingleton('hosts', () => new HostRegistry());
}

/** The host Vireo runs on (LIBVIRT_URI). */
export function localHost(): HostContext {
  return registry().getLoaded(LOCAL_HOST_ID)!;
}

/** A host by its id; NotFoundError when Vireo does not manage it. */
export function hostById(id: string): Promise<HostContext> {
  return registry().get(id);
}

/** Every host, once the stored ones are loaded. */
export async function allHosts(): Promise<HostContext[]> {
  await registry().load();
  return registry().all();
}

/** The stored row of a host changed: its context is rebuilt (the old connections closed). */
export function reloadHost(id: string): Promise<HostContext> {
  return registry().reload(id);
}

/** A host was removed: its context is closed. */
export function forgetHost(id: string): Promise<void> {
  return registry().forget(id);
}

/**
 * Runs `start` on every host now and on every host added or rebuilt (an edit) later, e.g. the metrics collector or
 * the backup scheduler; the function it returns, if any, stops the service when that host's context retires.
 */
export function eachHost(start: HostStarter): Promise<void> {
  return registry().each(start);
}
