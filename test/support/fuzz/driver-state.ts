import { DomainState, DomainUndefineFlagsValues, DomainXMLFlags, type LibvirtClient, type PoolRef } from '@/lib/libvirt';

// Everything a request could change on libvirt's test driver, read through a connection of the fuzzer's own: the
// driver keeps one state for all open connections to test:///default (and forgets it when the last one closes), so
// this connection sees what the routes did, and holding it open keeps the state for the whole run.

export interface DomainSnap {
  xml: string;
  state: number;
  autostart: boolean;
}

export interface NetworkSnap {
  /** The test driver keeps one definition per network (it refuses the INACTIVE flag). */
  xml: string;
  active: boolean;
  autostart: boolean;
}

export interface PoolSnap {
  xml: string;
  active: boolean;
  autostart: boolean;
  /** name → XML; empty while the pool is inactive (libvirt cannot list it then). */
  volumes: Record<string, string>;
}

export interface DriverState {
  domains: Record<string, DomainSnap>;
  networks: Record<string, NetworkSnap>;
  pools: Record<string, PoolSnap>;
}

export async function driverState(client: LibvirtClient): Promise<DriverState> {
  // Read side by side (libvirtd answers several calls of one client at once): read after every fuzzed request,
  // one call after another this was most of the fuzz tier's time.
  const [domains, networks, pools] = await Promise.all([
    entries(await client.domains.listAll(), async (d): Promise<DomainSnap> => {
      const [xml, state, autostart] = await Promise.all([client.domains.xml(d, DomainXMLFlags.INACTIVE), client.domains.state(d), client.domains.autostart(d)]);
      return { xml, state: state.state, autostart };
    }),
    entries(await client.networks.listAll(), async (n): Promise<NetworkSnap> => {
      const [xml, active, autostart] = await Promise.all([client.networks.xml(n), client.networks.isActive(n), client.networks.autostart(n)]);
      return { xml, active, autostart };
    }),
    entries(await client.pools.listAll(), async (p): Promise<PoolSnap> => {
      const active = await client.pools.isActive(p);
      const [volumes, xml, autostart] = await Promise.all([active ? volumesOf(client, p) : {}, client.pools.xml(p), client.pools.autostart(p)]);
      return { xml: withoutSizes(xml), active, autostart, volumes };
    }),
  ]);
  return { domains, networks, pools };
}

/** Each named object's snapshot, read side by side, keyed by name. */
async function entries<T extends { name: string }, S>(items: readonly T[], read: (item: T) => Promise<S>): Promise<Record<string, S>> {
  const snaps = await Promise.all(items.map(async (item) => [item.name, await read(item)] as const));
  return Object.fromEntries(snaps);
}

/** A pool's sizes follow its volumes, which are compared one by one. */
function withoutSizes(xml: string): string {
  return xml.replace(/\s*<(capacity|allocation|available)\b[^>]*>[^<]*<\/\1>/g, '');
}

async function volumesOf(client: LibvirtClient, pool: PoolRef): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  // A job a fuzzed request started (a backup, a clone) may still make or remove volumes: one gone meanwhile is gone.
  const xmls = await Promise.all((await client.volumes.list(pool)).map(async (v) => [v.name, await client.volumes.xml(v).catch(() => null)] as const));
  for (const [name, xml] of xmls) if (xml !== null) out[name] = xml;
  return out;
}

/** What differs between two states, one line per difference; empty when they are the same. */
export function stateDiff<T extends object>(before: T, after: T, at = ''): string[] {
  const out: string[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const k of keys) {
    const a = (before as Record<string, unknown>)[k];
    const b = (after as Record<string, unknown>)[k];
    const path = at ? `${at}.${k}` : k;
    if (a === undefined) out.push(`${path}: appeared`);
    else if (b === undefined) out.push(`${path}: disappeared`);
    else if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) out.push(...stateDiff(a, b, path));
    else if (a !== b) out.push(`${path}: ${short(a)} → ${short(b)}`);
  }
  return out;
}

function short(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

/** Puts the test driver back to `target`: removes what appeared, recreates what went, redefines what changed. */
export async function restoreDriver(client: LibvirtClient, target: DriverState): Promise<void> {
  const now = await driverState(client);
  await restoreDomains(client, now, target);
  await restoreNetworks(client, now, target);
  await restorePools(client, now, target);
  const left = stateDiff(target, await driverState(client));
  if (left.length) throw new Error(`could not restore the test driver:\n${left.join('\n')}`);
}

const running = (s: number) => s === DomainState.RUNNING || s === DomainState.PAUSED || s === DomainState.BLOCKED;

const UNDEFINE_ALL = DomainUndefineFlagsValues.SNAPSHOTS_METADATA;

async function restoreDomains(client: LibvirtClient, now: DriverState, target: DriverState): Promise<void> {
  for (const [name, snap] of Object.entries(now.domains)) {
    const want = target.domains[name];
    if (want && want.xml === snap.xml && want.state === snap.state && want.autostart === snap.autostart) continue;
    const dom = await client.domains.lookupByName(name);
    if (running(snap.state)) await client.domains.destroy(dom);
    // With the snapshots a fuzzed route may have made (libvirt refuses to undefine over them; the test driver has no checkpoints).
    await client.domains.undefine(dom, UNDEFINE_ALL);
  }
  for (const [name, want] of Object.entries(target.domains)) {
    const snap = now.domains[name];
    if (snap && want.xml === snap.xml && want.state === snap.state && want.autostart === snap.autostart) continue;
    const dom = await client.domains.defineXml(want.xml);
    if (want.autostart) await client.domains.setAutostart(dom, true);
    if (running(want.state)) {
      const started = await client.domains.create(dom);
      if (want.state === DomainState.PAUSED) await client.domains.suspend(started);
    }
  }
}

async function restoreNetworks(client: LibvirtClient, now: DriverState, target: DriverState): Promise<void> {
  const same = (a: NetworkSnap, b: NetworkSnap) => a.xml === b.xml && a.active === b.active && a.autostart === b.autostart;
  for (const [name, snap] of Object.entries(now.networks)) {
    const want = target.networks[name];
    if (want && same(want, snap)) continue;
    const net = await client.networks.lookupByName(name);
    if (snap.active) await client.networks.destroy(net);
    await client.networks.undefine(net);
  }
  for (const [name, want] of Object.entries(target.networks)) {
    const snap = now.networks[name];
    if (snap && same(want, snap)) continue;
    const net = await client.networks.defineXml(want.xml);
    if (want.autostart) await client.networks.setAutostart(net, true);
    if (want.active) await client.networks.create(net);
  }
}

async function restorePools(client: LibvirtClient, now: DriverState, target: DriverState): Promise<void> {
  for (const [name, snap] of Object.entries(now.pools)) {
    const want = target.pools[name];
    const pool = await client.pools.lookupByName(name);
    if (want && want.xml === snap.xml && want.autostart === snap.autostart) {
      if (!snap.active && want.active) await client.pools.create(pool);
      if (snap.active && !want.active) await client.pools.destroy(pool);
      if (want.active) await restoreVolumes(client, pool, want.volumes);
      continue;
    }
    if (snap.active) await client.pools.destroy(pool);
    await client.pools.undefine(pool);
  }
  for (const [name, want] of Object.entries(target.pools)) {
    const snap = now.pools[name];
    if (snap && want.xml === snap.xml && want.autostart === snap.autostart) continue;
    const pool = await client.pools.defineXml(want.xml);
    if (want.autostart) await client.pools.setAutostart(pool, true);
    if (want.active) {
      await client.pools.create(pool);
      await restoreVolumes(client, pool, want.volumes);
    }
  }
}

async function restoreVolumes(client: LibvirtClient, pool: PoolRef, want: Record<string, string>): Promise<void> {
  const have = await volumesOf(client, pool);
  for (const [name, xml] of Object.entries(have)) {
    if (want[name] === xml) continue;
    const vol = await client.volumes.lookupByName(pool, name).catch(() => null);
    if (vol) await client.volumes.delete(vol).catch(() => undefined);
  }
  for (const [name, xml] of Object.entries(want)) if (have[name] !== xml) await client.volumes.createXml(pool, xml);
}
