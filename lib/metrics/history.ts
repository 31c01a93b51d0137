import 'server-only';
import type { HostContext } from '@/lib/hosts';
import { NotFoundError } from '@/lib/errors';
import { gridOf, toColumns, type Columns } from './columns';
import { metricStore, type StoredPoint } from './store';
import { TIERS, type RangeName } from './tiers';

// Reading the history for graphs: a VM's or the host's series over a range, as columns.

export interface RangeQuery {
  range: RangeName;
  /** End of the range, seconds since the epoch (default: now). */
  to?: number;
  /** Most points in the answer. */
  points?: number;
}

export type VmColumns = Columns & { host: string; vm: string; uuid: string };
export type HostColumns = Columns & { host: string };

/**
 * A VM's history, by name: the VM must exist now. Its UUID keys the history on every host it ran on, so a VM that
 * was migrated here shows the time before the move too.
 */
export async function vmHistory(host: HostContext, name: string, q: RangeQuery): Promise<VmColumns> {
  const client = await host.libvirt();
  const dom = await client.domains.lookupByName(name).catch(() => null);
  if (!dom) throw new NotFoundError(`There is no virtual machine named "${name.slice(0, 100)}".`);
  const series = await metricStore().seriesOfVm(dom.uuid);
  return {
    host: host.id,
    vm: dom.name,
    uuid: dom.uuid,
    ...(await columnsOf(
      series.map((x) => x.id),
      q,
    )),
  };
}

export async function hostHistory(host: HostContext, q: RangeQuery): Promise<HostColumns> {
  const series = await metricStore().findSeries(host.id, 'host', 'host');
  return { host: host.id, ...(await columnsOf(series ? [series.id] : [], q)) };
}

async function columnsOf(seriesIds: readonly number[], q: RangeQuery): Promise<Columns> {
  const grid = gridOf(q.range, q.to ?? Date.now() / 1000, q.points);
  return toColumns(q.range, grid, seriesIds.length ? await pointsOf(seriesIds, grid.tier, grid.from, grid.to) : []);
}

/** The range's tier, then each finer tier for the time after the coarser one's newest bucket (not rolled up yet). */
async function pointsOf(seriesIds: readonly number[], tier: number, from: number, to: number): Promise<StoredPoint[]> {
  const store = metricStore();
  const rows = await store.read(seriesIds, tier, from, to);
  let covered = rows.length ? newest(rows) + TIERS[tier]!.step : from;
  for (let k = tier - 1; k >= 0 && covered < to; k--) {
    const finer = await store.read(seriesIds, k, covered, to);
    rows.push(...finer);
    if (finer.length) covered = newest(finer) + TIERS[k]!.step;
  }
  return rows;
}

/** The newest bucket among rows of several series (each series' rows come oldest first, one series after another). */
const newest = (rows: readonly StoredPoint[]) => rows.reduce((t, r) => Math.max(t, r.t), -Infinity);
