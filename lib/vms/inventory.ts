import { EventEmitter } from 'node:events';
import {
  ConnectListAllDomainsFlags,
  DomainEventType,
  DomainInterfaceAddressesSource,
  DomainState,
  DomainStatsTypes,
  type DomainRef,
  type LibvirtClient,
} from '@/lib/libvirt';
import type { HostContext } from '@/lib/hosts';
import { stateAfterEvent, stateName, type VmState } from './state';
import { rowFacts } from '@/lib/domain-xml/row-facts';

// The server's live picture of every domain. Built once, then kept current from libvirt's lifecycle events, so
// listing 1,000 VMs or pushing a change to every open page costs no per-VM polling.

export interface VmRow {
  uuid: string;
  name: string;
  id: number;
  state: VmState;
  vcpus: number;
  memoryKiB: number;
  maxMemKiB: number;
  autostart: boolean;
  ips: string[];
  /** A template (Vireo's metadata): never started, the source of clones. */
  template?: boolean;
  /** The VM's tags (lib/tags), from its libvirt metadata. */
  tags?: string[];
  /** Every NIC's MAC address (lower-case), for the search box. */
  macs?: string[];
  /** Asked of the guest and not done yet: an ACPI shutdown the guest has not finished (it decides when). */
  pending?: VmPending | null;
}

export type VmPending = 'shutdown requested';

export type InventoryChange =
  | { type: 'upsert'; row: VmRow }
  | { type: 'state'; uuid: string; name: string; state: VmState }
  | { type: 'remove'; uuid: string; name: string }
  | { type: 'reset'; rows: VmRow[] };

const CONCURRENCY = 64;
/** Leases appear some seconds after boot and produce no libvirt event, so addresses alone are re-read now and then. */
const ADDRESS_REFRESH_MS = 20_000;
/**
 * A guest that just started leases its address within seconds, long before the next round: its addresses alone are
 * read again after these pauses (30 s in all), until one shows up or it stops.
 */
const ADDRESS_PAUSES_AFTER_START_MS = [2_000, 2_000, 3_000, 5_000, 8_000, 10_000];
/** Few at a time: nobody waits for this round, and live changes must not queue behind it. */
const ADDRESS_CONCURRENCY = 8;

class Inventory extends EventEmitter {
  private rows = new Map<string, VmRow>();
  private loaded: Promise<void> | null = null;
  /** Newest refresh per domain, so a slow older answer never overwrites a newer one. */
  private seq = new Map<string, number>();
  private subscribed = false;
  /** Guests Vireo asked to shut down (ACPI), by uuid: their rows say so until they stop. */
  private shutdownAsked = new Set<string>();
  /** The next early address read of each guest that started lately, by uuid. */
  private addressWatches = new Map<string, NodeJS.Timeout>();

  constructor(private readonly host: HostContext) {
    super();
    this.setMaxListeners(0);
  }

  /** All rows, loading them first if needed. Throws ConnectionError when libvirtd is down and nothing is known. */
  async list(): Promise<VmRow[]> {
    this.subscribe();
    this.loaded ??= this.reload().catch((err) => {
      this.loaded = null;
      throw err;
    });
    await this.loaded;
    return [...this.rows.values()];
  }

  private subscribe(): void {
    if (this.subscribed) return;
    this.subscribed = true;
    const client = this.host.eventClient();
    client.events.on('domain-lifecycle', (e) => void this.onLifecycle(e.dom, e.event));
    client.events.on('domain-reboot', (e) => {
      void this.refresh(e.dom);
      this.watchAddresses(e.dom.uuid);
    });
    // Tags (and title, description) change through libvirt's metadata call, which defines nothing: no lifecycle event.
    client.events.on('domain-metadata-change', (e) => void this.refresh(e.dom));
    // Hosts subscribe together (the fleet's feed opens them all): each starts its rounds at its own moment, so a
    // fleet's address reads are spread over the interval instead of all landing at once.
    setTimeout(() => setInterval(() => void this.refreshAddresses(), ADDRESS_REFRESH_MS).unref(), Math.random() * ADDRESS_REFRESH_MS).unref();
    // After a reconnect events may have been missed: rebuild the picture and tell pages to replace theirs.
    this.host.onStatus((s) => {
      if (s.state === 'open' && this.loaded) {
        this.loaded = this.reload()
          .then(() => this.emitChange({ type: 'reset', rows: [...this.rows.values()] }))
          .catch(() => {
            this.loaded = null;
          });
      }
    });
  }

  /** Vireo asked the guest to shut down: every open page shows "shutdown requested" until it has stopped. */
  shutdownRequested(dom: DomainRef): void {
    this.shutdownAsked.add(dom.uuid);
    const row = this.rows.get(dom.uuid);
    if (!row) return;
    const updated = this.withPending({ ...row });
    this.rows.set(row.uuid, updated);
    this.emitChange({ type: 'upsert', row: updated });
  }

  // A guest that stopped (or never ran) has nothing pending any more.
  private withPending(row: VmRow): VmRow {
    if (row.id < 0 || row.state === 'shut off' || row.state === 'crashed') this.shutdownAsked.delete(row.uuid);
    row.pending = this.shutdownAsked.has(row.uuid) ? 'shutdown requested' : null;
    return row;
  }

  private emitChange(c: InventoryChange): void {
    this.emit('change', c);
  }

  private async onLifecycle(dom: DomainRef, event: number): Promise<void> {
    if (event === DomainEventType.UNDEFINED) {
      // Transient domains vanish on stop too; both cases mean: no longer in the list.
      this.seq.set(dom.uuid, (this.seq.get(dom.uuid) ?? 0) + 1);
      if (this.rows.delete(dom.uuid)) this.emitChange({ type: 'remove', uuid: dom.uuid, name: dom.name });
      return;
    }
    const quick = stateAfterEvent(event);
    const known = this.rows.get(dom.uuid);
    if (quick && known && known.state !== quick) {
      known.state = quick;
      this.withPending(known);
      this.emitChange({ type: 'state', uuid: dom.uuid, name: dom.name, state: quick });
    }
    await this.refresh(dom);
    if (event === DomainEventType.STARTED) this.watchAddresses(dom.uuid);
  }

  /** Reads a guest's addresses again after each of ADDRESS_PAUSES_AFTER_START_MS, until it has one or stops. */
  private watchAddresses(uuid: string, step = 0): void {
    clearTimeout(this.addressWatches.get(uuid));
    const pause = ADDRESS_PAUSES_AFTER_START_MS[step];
    if (pause === undefined) return void this.addressWatches.delete(uuid);
    const timer = setTimeout(async () => {
      const row = this.rows.get(uuid);
      // Only a guest with a NIC can lease, and only pages watching the inventory want its address now.
      if (!row || row.id < 0 || !row.macs?.length || !this.listenerCount('change')) return void this.addressWatches.delete(uuid);
      const client = this.host.eventClient();
      if (client.state === 'open') await this.readAddresses(client, row).catch(() => undefined);
      if (this.addressWatches.get(uuid) !== timer) return; // restarted meanwhile: a newer watch runs
      if (this.rows.get(uuid)?.ips.length) this.addressWatches.delete(uuid);
      else this.watchAddresses(uuid, step + 1);
    }, pause).unref();
    this.addressWatches.set(uuid, timer);
  }

  /** Re-reads one domain and publishes it; a domain that disappeared meanwhile is removed. */
  async refresh(dom: DomainRef): Promise<VmRow | null> {
    const n = (this.seq.get(dom.uuid) ?? 0) + 1;
    this.seq.set(dom.uuid, n);
    let row: VmRow | null;
    try {
      row = await readRow(await this.host.libvirt(), dom);
    } catch {
      row = null;
    }
    if (this.seq.get(dom.uuid) !== n) return row;
    if (row) {
      this.withPending(row);
      this.rows.set(row.uuid, row);
      this.emitChange({ type: 'upsert', row });
    } else if (this.rows.delete(dom.uuid)) {
      this.emitChange({ type: 'remove', uuid: dom.uuid, name: dom.name });
    }
    return row;
  }

  private async refreshAddresses(): Promise<void> {
    if (!this.listenerCount('change')) return; // nobody is watching
    const client = this.host.eventClient();
    if (client.state !== 'open') return;
    const running = [...this.rows.values()].filter((r) => r.id > 0);
    await eachLimited(running, ADDRESS_CONCURRENCY, (row) => this.readAddresses(client, row));
  }

  /** Reads one running guest's addresses and publishes its row when they changed. */
  private async readAddresses(client: LibvirtClient, row: VmRow): Promise<void> {
    const ips = await addresses(client, { name: row.name, uuid: row.uuid, id: row.id });
    const current = this.rows.get(row.uuid);
    if (current && current.ips.join() !== ips.join()) {
      const updated = { ...current, ips };
      this.rows.set(row.uuid, updated);
      this.emitChange({ type: 'upsert', row: updated });
    }
  }

  /**
   * Every domain's row. What each domain's own calls would say of all of them comes in three calls for the host
   * (the domains, those that autostart, their states), so each domain costs its definition, and its addresses when
   * it runs: at 10,000 VMs on 100 hosts, 15,000 calls instead of 35,000.
   */
  private async reload(): Promise<void> {
    const client = await this.host.libvirt();
    await client.events.ready();
    const [refs, autostarting, stats] = await Promise.all([
      client.domains.listAll(),
      client.domains.listAll(ConnectListAllDomainsFlags.AUTOSTART),
      client.domains.allStats(DomainStatsTypes.STATE).catch(() => []),
    ]);
    const autostart = new Set(autostarting.map((d) => d.uuid));
    const states = new Map(stats.map((s) => [s.dom.uuid, s.params['state.state']]));
    const fresh = new Map<string, VmRow>();
    await eachLimited(refs, CONCURRENCY, async (ref) => {
      const state = states.get(ref.uuid);
      const known = typeof state === 'number' ? { state, autostart: autostart.has(ref.uuid) } : undefined;
      const row = await readRow(client, ref, known).catch(() => null);
      if (row) fresh.set(row.uuid, this.withPending(row));
    });
    this.rows = fresh;
  }
}

/**
 * A domain's row. Its definition is read once (live when it runs, else persistent) and gives the size, tags,
 * template mark and MACs (lib/domain-xml/row-facts.ts); a template never runs, so its live definition is never the
 * one asked. `known`: the state and autostart, when the caller asked them of every domain at once.
 */
async function readRow(client: LibvirtClient, dom: DomainRef, known?: { state: number; autostart: boolean }): Promise<VmRow> {
  const [state, autostart, facts] = await Promise.all([
    known?.state ?? client.domains.state(dom).then((s) => s.state),
    known?.autostart ?? client.domains.autostart(dom),
    client.domains.xml(dom).then(rowFacts),
  ]);
  const running = state === DomainState.RUNNING || state === DomainState.PAUSED || state === DomainState.BLOCKED;
  const ips = running ? await addresses(client, dom) : [];
  return {
    uuid: dom.uuid,
    name: dom.name,
    id: running ? dom.id : -1,
    state: stateName(state),
    vcpus: facts.vcpus,
    memoryKiB: facts.memoryKiB,
    maxMemKiB: facts.maxMemKiB,
    autostart,
    ips,
    template: facts.template,
    tags: facts.tags,
    macs: facts.macs,
  };
}

// DHCP leases of libvirt networks first; the guest agent only answers when installed, so it is a fallback.
async function addresses(client: LibvirtClient, dom: DomainRef): Promise<string[]> {
  for (const source of [DomainInterfaceAddressesSource.LEASE, DomainInterfaceAddressesSource.AGENT]) {
    try {
      const ifaces = await client.domains.interfaceAddresses(dom, source, { timeoutMs: 2000 });
      const ips = ifaces.filter((i) => i.name !== 'lo').flatMap((i) => i.addrs.map((a) => a.addr));
      if (ips.length) return ips;
    } catch {
      // no agent, or no libvirt-managed network: no address to show
    }
  }
  return [];
}

async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(workers);
}

/** The live inventory of one host (one per host, made on first use). */
export function inventory(host: HostContext): Inventory {
  return host.scoped('inventory', (h) => new Inventory(h));
}
