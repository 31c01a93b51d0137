import type { Readable, Writable } from 'node:stream';
import type { RemoteProcedures } from '../protocol/remote.gen';
import type { CallOptions } from '../rpc/types';
import { fromWirePool, fromWireVolume, toWirePool, toWireVolume, type PoolRef, type VolumeRef } from './refs';

export interface PoolInfo {
  /** StoragePoolState: INACTIVE, BUILDING, RUNNING, DEGRADED, INACCESSIBLE. */
  state: number;
  capacity: number;
  allocation: number;
  available: number;
}

export interface VolumeInfo {
  /** StorageVolType: FILE, BLOCK, DIR, ... */
  type: number;
  capacity: number;
  allocation: number;
}

/** Storage pools. Sizes are bytes, as Number: exact up to 8 PiB. */
export class PoolApi {
  constructor(private readonly r: RemoteProcedures) {}

  async listAll(flags = 0, o?: CallOptions): Promise<PoolRef[]> {
    return (await this.r.connectListAllStoragePools({ need_results: 1, flags }, o)).pools.map(fromWirePool);
  }

  async lookupByName(name: string, o?: CallOptions): Promise<PoolRef> {
    return fromWirePool((await this.r.storagePoolLookupByName({ name }, o)).pool);
  }

  async defineXml(xml: string, flags = 0, o?: CallOptions): Promise<PoolRef> {
    return fromWirePool((await this.r.storagePoolDefineXml({ xml, flags }, o)).pool);
  }

  /** flags: StoragePoolBuildFlags (NEW, REPAIR, RESIZE, NO_OVERWRITE, OVERWRITE). */
  build(pool: PoolRef, flags = 0, o?: CallOptions): Promise<void> {
    return this.r.storagePoolBuild({ pool: toWirePool(pool), flags }, o);
  }

  /** Starts (activates) the pool. */
  create(pool: PoolRef, flags = 0, o?: CallOptions): Promise<void> {
    return this.r.storagePoolCreate({ pool: toWirePool(pool), flags }, o);
  }

  destroy(pool: PoolRef, o?: CallOptions): Promise<void> {
    return this.r.storagePoolDestroy({ pool: toWirePool(pool) }, o);
  }

  /** Deletes the pool's underlying storage (e.g. its directory); flags: StoragePoolDeleteFlags. */
  delete(pool: PoolRef, flags = 0, o?: CallOptions): Promise<void> {
    return this.r.storagePoolDelete({ pool: toWirePool(pool), flags }, o);
  }

  undefine(pool: PoolRef, o?: CallOptions): Promise<void> {
    return this.r.storagePoolUndefine({ pool: toWirePool(pool) }, o);
  }

  refresh(pool: PoolRef, o?: CallOptions): Promise<void> {
    return this.r.storagePoolRefresh({ pool: toWirePool(pool), flags: 0 }, o);
  }

  async xml(pool: PoolRef, flags = 0, o?: CallOptions): Promise<string> {
    return (await this.r.storagePoolGetXmlDesc({ pool: toWirePool(pool), flags }, o)).xml;
  }

  async info(pool: PoolRef, o?: CallOptions): Promise<PoolInfo> {
    const i = await this.r.storagePoolGetInfo({ pool: toWirePool(pool) }, o);
    return { state: i.state, capacity: Number(i.capacity), allocation: Number(i.allocation), available: Number(i.available) };
  }

  async isActive(pool: PoolRef, o?: CallOptions): Promise<boolean> {
    return (await this.r.storagePoolIsActive({ pool: toWirePool(pool) }, o)).active !== 0;
  }

  async autostart(pool: PoolRef, o?: CallOptions): Promise<boolean> {
    return (await this.r.storagePoolGetAutostart({ pool: toWirePool(pool) }, o)).autostart !== 0;
  }

  setAutostart(pool: PoolRef, on: boolean, o?: CallOptions): Promise<void> {
    return this.r.storagePoolSetAutostart({ pool: toWirePool(pool), autostart: on ? 1 : 0 }, o);
  }
}

/** Storage volumes, including data transfer as Node streams. */
export class VolumeApi {
  constructor(private readonly r: RemoteProcedures) {}

  async list(pool: PoolRef, o?: CallOptions): Promise<VolumeRef[]> {
    return (await this.r.storagePoolListAllVolumes({ pool: toWirePool(pool), need_results: 1, flags: 0 }, o)).vols.map(fromWireVolume);
  }

  async lookupByName(pool: PoolRef, name: string, o?: CallOptions): Promise<VolumeRef> {
    return fromWireVolume((await this.r.storageVolLookupByName({ pool: toWirePool(pool), name }, o)).vol);
  }

  async lookupByPath(path: string, o?: CallOptions): Promise<VolumeRef> {
    return fromWireVolume((await this.r.storageVolLookupByPath({ path }, o)).vol);
  }

  /** flags: StorageVolCreateFlags (PREALLOC_METADATA, REFLINK). */
  async createXml(pool: PoolRef, xml: string, flags = 0, o?: CallOptions): Promise<VolumeRef> {
    return fromWireVolume((await this.r.storageVolCreateXml({ pool: toWirePool(pool), xml, flags }, o)).vol);
  }

  /** A new volume whose content is copied from `source` (a clone, possibly converting format). */
  async createXmlFrom(pool: PoolRef, xml: string, source: VolumeRef, flags = 0, o?: CallOptions): Promise<VolumeRef> {
    const ret = await this.r.storageVolCreateXmlFrom({ pool: toWirePool(pool), xml, clonevol: toWireVolume(source), flags }, o);
    return fromWireVolume(ret.vol);
  }

  /** flags: StorageVolDeleteFlags. */
  delete(vol: VolumeRef, flags = 0, o?: CallOptions): Promise<void> {
    return this.r.storageVolDelete({ vol: toWireVolume(vol), flags }, o);
  }

  async info(vol: VolumeRef, o?: CallOptions): Promise<VolumeInfo> {
    const i = await this.r.storageVolGetInfo({ vol: toWireVolume(vol) }, o);
    return { type: i.type, capacity: Number(i.capacity), allocation: Number(i.allocation) };
  }

  async xml(vol: VolumeRef, o?: CallOptions): Promise<string> {
    return (await this.r.storageVolGetXmlDesc({ vol: toWireVolume(vol), flags: 0 }, o)).xml;
  }

  /** flags: StorageVolResizeFlags (ALLOCATE, DELTA, SHRINK). */
  resize(vol: VolumeRef, capacity: number, flags = 0, o?: CallOptions): Promise<void> {
    return this.r.storageVolResize({ vol: toWireVolume(vol), capacity: BigInt(capacity), flags }, o);
  }

  wipe(vol: VolumeRef, o?: CallOptions): Promise<void> {
    return this.r.storageVolWipe({ vol: toWireVolume(vol), flags: 0 }, o);
  }

  /**
   * A Writable into the volume from `offset` (length 0 = to the end). Ending it completes the upload (libvirt's
   * finish handshake: 'finish' fires only after the daemon confirmed); destroying it aborts.
   */
  async upload(vol: VolumeRef, offset = 0, length = 0, o?: CallOptions): Promise<Writable> {
    const args = { vol: toWireVolume(vol), offset: BigInt(offset), length: BigInt(length), flags: 0 };
    return (await this.r.storageVolUpload(args, o)).stream;
  }

  /** A Readable of the volume's bytes from `offset` (length 0 = to the end). */
  async download(vol: VolumeRef, offset = 0, length = 0, o?: CallOptions): Promise<Readable> {
    const args = { vol: toWireVolume(vol), offset: BigInt(offset), length: BigInt(length), flags: 0 };
    return (await this.r.storageVolDownload(args, o)).stream;
  }
}
