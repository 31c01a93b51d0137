import 'server-only';
import { db } from '@/lib/db/client';
import { processSingleton } from '@/lib/process/singleton';
import { decodePoint, encodePoint, layoutOf } from './pack';
import type { Point } from './point';

// The metrics history in the database (SQLite or PostgreSQL, through Prisma): a series row per VM or host, shared
// layouts, and one row per series, tier and bucket holding the packed point. Series and layout ids are cached, so
// a sample costs one batched insert. Every read and delete names its series, so the primary key serves them all.

export type SeriesKind = 'vm' | 'host';

export interface StoredPoint {
  seriesId: number;
  tier: number;
  /** Bucket start, seconds since the epoch. */
  t: number;
  point: Point;
}

export interface SeriesRow {
  id: number;
  key: string;
  name: string;
}

/** SQL parameter lists stay well below SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export class MetricStore {
  private readonly seriesIds = new Map<string, { id: number; name: string }>();
  private readonly layoutIds = new Map<string, number>();
  private readonly layoutKeys = new Map<number, readonly string[]>();

  /** The id of a series, made on first use; a renamed VM keeps its history (the key is its UUID). */
  async seriesId(hostId: string, kind: SeriesKind, key: string, name: string): Promise<number> {
    const cacheKey = `${hostId}\u0000${kind}\u0000${key}`;
    const known = this.seriesIds.get(cacheKey);
    if (known && known.name === name) return known.id;
    const row = await db().metricSeries.upsert({
      where: { hostId_kind_key: { hostId, kind, key } },
      create: { hostId, kind, key, name },
      update: { name },
      select: { id: true },
    });
    this.seriesIds.set(cacheKey, { id: row.id, name });
    return row.id;
  }

  async findSeries(hostId: string, kind: SeriesKind, key: string): Promise<SeriesRow | null> {
    return db().metricSeries.findUnique({ where: { hostId_kind_key: { hostId, kind, key } }, select: { id: true, key: true, name: true } });
  }

  /** A VM's series on every host it has run on: a VM moved to another host keeps its UUID, so its history follows. */
  async seriesOfVm(uuid: string): Promise<SeriesRow[]> {
    return db().metricSeries.findMany({ where: { kind: 'vm', key: uuid }, select: { id: true, key: true, name: true } });
  }

  async seriesOfHost(hostId: string): Promise<SeriesRow[]> {
    return db().metricSeries.findMany({ where: { hostId }, select: { id: true, key: true, name: true } });
  }

  private async layoutId(p: Point): Promise<number> {
    const layout = layoutOf(p);
    const known = this.layoutIds.get(layout.hash);
    if (known !== undefined) return known;
    const keys = JSON.stringify(layout.keys);
    const row = await db().metricLayout.upsert({ where: { hash: layout.hash }, create: { hash: layout.hash, keys }, update: {}, select: { id: true } });
    this.layoutIds.set(layout.hash, row.id);
    this.layoutKeys.set(row.id, layout.keys);
    return row.id;
  }

  private async keysOf(ids: Iterable<number>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.layoutKeys.has(id));
    if (!missing.length) return;
    for (const part of chunks(missing)) {
      for (const row of await db().metricLayout.findMany({ where: { id: { in: part } } })) {
        this.layoutKeys.set(row.id, JSON.parse(row.keys) as string[]);
        this.layoutIds.set(row.hash, row.id);
      }
    }
  }

  /** Inserts points; a point already there (same series, tier and bucket) is replaced. */
  async write(points: readonly StoredPoint[]): Promise<void> {
    if (!points.length) return;
    const rows = [];
    for (const p of points) {
      const layoutId = await this.layoutId(p.point);
      rows.push({ seriesId: p.seriesId, tier: p.tier, t: BigInt(p.t), layoutId, data: encodePoint(p.point, this.layoutKeys.get(layoutId)!) });
    }
    try {
      await db().metricPoint.createMany({ data: rows });
    } catch {
      // A bucket written twice (two servers on one database, a clock stepped back): settle it row by row.
      for (const r of rows) {
        await db().metricPoint.upsert({
          where: { seriesId_tier_t: { seriesId: r.seriesId, tier: r.tier, t: r.t } },
          create: r,
          update: { layoutId: r.layoutId, data: r.data },
        });
      }
    }
  }

  /** Points of these series in one tier with from <= t < to, oldest first. */
  async read(seriesIds: readonly number[], tier: number, from: number, to: number): Promise<StoredPoint[]> {
    const rows = [];
    for (const part of chunks(seriesIds)) {
      rows.push(
        ...(await db().metricPoint.findMany({
          where: { seriesId: { in: part }, tier, t: { gte: BigInt(Math.floor(from)), lt: BigInt(Math.ceil(to)) } },
          orderBy: [{ seriesId: 'asc' }, { t: 'asc' }],
        })),
      );
    }
    await this.keysOf(rows.map((r) => r.layoutId));
    return rows.map((r) => ({ seriesId: r.seriesId, tier: r.tier, t: Number(r.t), point: decodePoint(r.data, this.layoutKeys.get(r.layoutId) ?? []) }));
  }

  /** The newest bucket of a tier among these series, or null when it has none. */
  async newest(seriesIds: readonly number[], tier: number): Promise<number | null> {
    let best: number | null = null;
    for (const part of chunks(seriesIds)) {
      const r = await db().metricPoint.aggregate({ where: { seriesId: { in: part }, tier }, _max: { t: true } });
      if (r._max.t !== null) best = Math.max(best ?? -Infinity, Number(r._max.t));
    }
    return best;
  }

  /** Deletes the points of a tier older than `before`; returns how many went. */
  async prune(seriesIds: readonly number[], tier: number, before: number): Promise<number> {
    let count = 0;
    for (const part of chunks(seriesIds)) {
      count += (await db().metricPoint.deleteMany({ where: { seriesId: { in: part }, tier, t: { lt: BigInt(Math.floor(before)) } } })).count;
    }
    return count;
  }

  /** Forgets series that no longer have any point (VMs deleted longer ago than the longest retention). */
  async dropEmptySeries(hostId: string, keep: ReadonlySet<number>): Promise<number> {
    const all = await this.seriesOfHost(hostId);
    const empty: number[] = [];
    for (const part of chunks(all.map((s) => s.id).filter((id) => !keep.has(id)))) {
      const used = new Set((await db().metricPoint.groupBy({ by: ['seriesId'], where: { seriesId: { in: part } } })).map((g) => g.seriesId));
      empty.push(...part.filter((id) => !used.has(id)));
    }
    if (!empty.length) return 0;
    for (const [k, v] of this.seriesIds) if (empty.includes(v.id)) this.seriesIds.delete(k);
    for (const part of chunks(empty)) await db().metricSeries.deleteMany({ where: { id: { in: part } } });
    return empty.length;
  }
}

/** The one store of the process (layouts are shared by every host). */
export function metricStore(): MetricStore {
  return processSingleton('metrics.store', () => new MetricStore());
}
