import type {
  NonnullDomain,
  NonnullDomainCheckpoint,
  NonnullDomainSnapshot,
  NonnullNetwork,
  NonnullStoragePool,
  NonnullStorageVol,
} from '../protocol/remote.gen';

/** A domain as libvirt names it; `id` is -1 while it is not running. */
export interface DomainRef {
  name: string;
  uuid: string;
  id: number;
}
/** A snapshot or checkpoint as libvirt names it: its name within its domain. */
export interface DomainChildRef {
  name: string;
  dom: DomainRef;
}
export interface NetworkRef {
  name: string;
  uuid: string;
}
export interface PoolRef {
  name: string;
  uuid: string;
}
export interface VolumeRef {
  pool: string;
  name: string;
  /** Unique key, usually the volume's path. */
  key: string;
}

export function formatUuid(b: Uint8Array): string {
  const h = Buffer.from(b).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export function isUuid(s: string): boolean {
  return UUID_RE.test(s);
}

export function parseUuid(s: string): Buffer {
  if (!UUID_RE.test(s)) throw new TypeError(`not a UUID: ${JSON.stringify(s)}`);
  return Buffer.from(s.replace(/-/g, ''), 'hex');
}

export const fromWireDomain = (d: NonnullDomain): DomainRef => ({ name: d.name, uuid: formatUuid(d.uuid), id: d.id });
export const toWireDomain = (d: DomainRef): NonnullDomain => ({ name: d.name, uuid: parseUuid(d.uuid), id: d.id });
export const fromWireNetwork = (n: NonnullNetwork): NetworkRef => ({ name: n.name, uuid: formatUuid(n.uuid) });
export const toWireNetwork = (n: NetworkRef): NonnullNetwork => ({ name: n.name, uuid: parseUuid(n.uuid) });
export const fromWirePool = (p: NonnullStoragePool): PoolRef => ({ name: p.name, uuid: formatUuid(p.uuid) });
export const toWirePool = (p: PoolRef): NonnullStoragePool => ({ name: p.name, uuid: parseUuid(p.uuid) });
export const fromWireVolume = (v: NonnullStorageVol): VolumeRef => ({ pool: v.pool, name: v.name, key: v.key });
export const toWireVolume = (v: VolumeRef): NonnullStorageVol => ({ pool: v.pool, name: v.name, key: v.key });

type WireDomainChild = NonnullDomainSnapshot | NonnullDomainCheckpoint;
export const fromWireDomainChild = (c: WireDomainChild): DomainChildRef => ({ name: c.name, dom: fromWireDomain(c.dom) });
export const toWireDomainChild = (c: DomainChildRef): WireDomainChild => ({ name: c.name, dom: toWireDomain(c.dom) });
