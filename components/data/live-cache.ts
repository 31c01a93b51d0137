import type { FleetList, FleetRow, InventoryChange, LibvirtStatus, VmList, VmRow } from './types';

// How the live feed's events change the cached answer of GET /api/vms. Pure, so the reducer is tested without
// a browser; live-provider.tsx feeds it from the EventSource.

export type LiveEvent = { type: 'snapshot'; rows: VmRow[] } | { type: 'change'; change: InventoryChange };

export function applyLiveEvent(current: VmList | undefined, event: LiveEvent): VmList | undefined {
  if (event.type === 'snapshot') return { vms: event.rows };
  const c = event.change;
  if (c.type === 'reset') return { vms: c.rows };
  // A delta before the first snapshot has nothing to apply to; the snapshot that follows carries it.
  if (!current) return current;
  const rows = current.vms;
  switch (c.type) {
    case 'upsert': {
      const i = rows.findIndex((r) => r.uuid === c.row.uuid);
      return { vms: i < 0 ? [...rows, c.row] : rows.map((r, j) => (j === i ? c.row : r)) };
    }
    case 'remove':
      return rows.some((r) => r.uuid === c.uuid) ? { vms: rows.filter((r) => r.uuid !== c.uuid) } : current;
    case 'state': {
      const i = rows.findIndex((r) => r.uuid === c.uuid);
      if (i < 0 || rows[i]!.state === c.state) return current;
      return { vms: rows.map((r, j) => (j === i ? { ...r, state: c.state } : r)) };
    }
  }
}

/** The row of one VM by uuid, or null once the feed has answered and it is not there. undefined: not known yet. */
export function rowOf(list: VmList | undefined, uuid: string): VmRow | null | undefined {
  if (!list) return undefined;
  return list.vms.find((r) => r.uuid === uuid) ?? null;
}

/** One host's event in the fleet list: the host's own list changes as a single host's would; others are kept. */
export function applyFleetEvent(current: FleetList | undefined, host: string, event: LiveEvent | { type: 'status'; status: LibvirtStatus }): FleetList {
  const hosts = current?.hosts ?? {};
  const mine = hosts[host] ?? { status: null, vms: undefined };
  const next =
    event.type === 'status' ? { ...mine, status: event.status } : { ...mine, vms: applyLiveEvent(mine.vms ? { vms: mine.vms } : undefined, event)?.vms };
  return { hosts: { ...hosts, [host]: next } };
}

/**
 * The fleet as one list. A host that cannot be reached keeps its last known VMs, marked unknown: they did not
 * disappear, Vireo just cannot see them now.
 */
export function fleetRows(list: FleetList | undefined): FleetRow[] | undefined {
  if (!list) return undefined;
  return Object.entries(list.hosts).flatMap(([host, h]) =>
    (h.vms ?? []).map((vm) => ({ ...vm, host, unknown: h.status !== null && h.status.state !== 'open' })),
  );
}
