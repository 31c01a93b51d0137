import type { RemoteProcedures, TypedParam } from '../protocol/remote.gen';
import { DomainMigrateFlags, ErrorNumber } from '../protocol/constants.gen';
import { LibvirtError } from '../errors';
import type { CallOptions } from '../rpc/types';
import { toWireDomain, type DomainRef } from './refs';
import { paramsToRecord, typedParam, type ParamValue } from './typed-params';

/**
 * What a managed migration may be told (libvirt's VIR_MIGRATE_PARAM_*). Each field travels with the type libvirt
 * documents for it; fields left out are not sent, so the daemon's defaults apply.
 */
export interface MigrationParams {
  /** Where QEMU sends the guest's memory, e.g. tcp://10.0.0.2 (default: the destination's hostname). */
  uri?: string;
  /** A new name on the destination. */
  destName?: string;
  /** The domain XML the destination starts (must describe the same guest ABI). */
  destXml?: string;
  /** The persistent definition kept on the destination with PERSIST_DEST. */
  persistXml?: string;
  /** Bandwidth limit in MiB/s (0: unlimited). */
  bandwidthMiBs?: number;
  /** Bandwidth limit once in post-copy, MiB/s. */
  postcopyBandwidthMiBs?: number;
  /** Disk targets (vda, ...) copied with NON_SHARED_DISK/INC; every non-shared disk when left out. */
  migrateDisks?: string[];
  /** Where the destination's NBD server listens for copied disks, e.g. tcp://10.0.0.2. */
  disksUri?: string;
  /** Methods (xbzrle, mt, zlib, zstd) for COMPRESSED. */
  compression?: string[];
  /** Auto-converge: initial and step of the vCPU throttle, percent. */
  autoConvergeInitial?: number;
  autoConvergeIncrement?: number;
  /** Host name the destination's TLS certificate is checked against, with TLS. */
  tlsDestination?: string;
}

/** A job's statistics (domainGetJobStats) in plain fields; libvirt's own names stay in `raw`. */
export interface JobStats {
  /** DomainJobType: NONE, BOUNDED, UNBOUNDED, COMPLETED, FAILED, CANCELLED. */
  type: number;
  timeElapsedMs: number | null;
  dataTotal: number | null;
  dataProcessed: number | null;
  dataRemaining: number | null;
  memoryDirtyRate: number | null;
  memoryIteration: number | null;
  diskTotal: number | null;
  diskProcessed: number | null;
  diskRemaining: number | null;
  /** Expected downtime while running, the real one for a completed job (ms). */
  downtimeMs: number | null;
  raw: Record<string, ParamValue>;
}

/** Encodes MigrationParams as the typed parameters domainMigratePerform3Params carries. */
export function migrationParams(p: MigrationParams): TypedParam[] {
  const out: TypedParam[] = [];
  if (p.uri !== undefined) out.push(typedParam.string('migrate_uri', p.uri));
  if (p.destName !== undefined) out.push(typedParam.string('destination_name', p.destName));
  if (p.destXml !== undefined) out.push(typedParam.string('destination_xml', p.destXml));
  if (p.persistXml !== undefined) out.push(typedParam.string('persistent_xml', p.persistXml));
  if (p.bandwidthMiBs !== undefined) out.push(typedParam.ullong('bandwidth', p.bandwidthMiBs));
  if (p.postcopyBandwidthMiBs !== undefined) out.push(typedParam.ullong('bandwidth.postcopy', p.postcopyBandwidthMiBs));
  // A repeated field, as virTypedParamsAddString does for a list.
  for (const disk of p.migrateDisks ?? []) out.push(typedParam.string('migrate_disks', disk));
  if (p.disksUri !== undefined) out.push(typedParam.string('disks_uri', p.disksUri));
  for (const method of p.compression ?? []) out.push(typedParam.string('compression', method));
  if (p.autoConvergeInitial !== undefined) out.push(typedParam.int('auto_converge.initial', p.autoConvergeInitial));
  if (p.autoConvergeIncrement !== undefined) out.push(typedParam.int('auto_converge.increment', p.autoConvergeIncrement));
  if (p.tlsDestination !== undefined) out.push(typedParam.string('tls.destination', p.tlsDestination));
  return out;
}

const num = (r: Record<string, ParamValue>, key: string): number | null => {
  const v = r[key];
  return typeof v === 'number' || typeof v === 'bigint' ? Number(v) : null;
};

export function jobStatsOf(type: number, params: TypedParam[]): JobStats {
  const raw = paramsToRecord(params);
  return {
    type,
    timeElapsedMs: num(raw, 'time_elapsed'),
    dataTotal: num(raw, 'data_total'),
    dataProcessed: num(raw, 'data_processed'),
    dataRemaining: num(raw, 'data_remaining'),
    memoryDirtyRate: num(raw, 'memory_dirty_rate'),
    memoryIteration: num(raw, 'memory_iteration'),
    diskTotal: num(raw, 'disk_total'),
    diskProcessed: num(raw, 'disk_processed'),
    diskRemaining: num(raw, 'disk_remaining'),
    downtimeMs: num(raw, 'downtime'),
    raw,
  };
}

/** Migration and domain jobs: peer-to-peer managed migration, its progress, abort and tuning; CPU comparison. */
export class MigrationApi {
  constructor(private readonly r: RemoteProcedures) {}

  /**
   * Peer-to-peer managed migration: this daemon opens `destUri` itself and drives the whole protocol (prepare,
   * perform, finish, confirm); the call returns once the guest runs on the destination, or fails having left it
   * on the source. flags: DomainMigrateFlags; PEER2PEER is always added. Give a timeout that fits the guest.
   */
  async migrateToPeer(dom: DomainRef, destUri: string, params: MigrationParams, flags: number, o?: CallOptions): Promise<void> {
    await this.r.domainMigratePerform3Params(
      { dom: toWireDomain(dom), dconnuri: destUri, params: migrationParams(params), cookie_in: Buffer.alloc(0), flags: flags | DomainMigrateFlags.PEER2PEER },
      o,
    );
  }

  /** Whether the domain has a persistent definition (a migration may leave a transient one behind). */
  async isPersistent(dom: DomainRef, o?: CallOptions): Promise<boolean> {
    return (await this.r.domainIsPersistent({ dom: toWireDomain(dom) }, o)).persistent !== 0;
  }

  /**
   * Whether the host has a network interface (a bridge a guest joins) of that name, as libvirt's interface driver
   * sees it. Throws what libvirt says when it cannot tell (no interface driver).
   */
  async hostInterfaceExists(name: string, o?: CallOptions): Promise<boolean> {
    try {
      await this.r.interfaceLookupByName({ name }, o);
      return true;
    } catch (err) {
      if (err instanceof LibvirtError && err.code === ErrorNumber.ERR_NO_INTERFACE) return false;
      throw err;
    }
  }

  /** The running job's statistics; flags COMPLETED asks for the last finished one instead. */
  async jobStats(dom: DomainRef, flags = 0, o?: CallOptions): Promise<JobStats> {
    const ret = await this.r.domainGetJobStats({ dom: toWireDomain(dom), flags }, o);
    return jobStatsOf(ret.type, ret.params);
  }

  /** The older fixed-field job info (for daemons without job stats). */
  jobInfo(dom: DomainRef, o?: CallOptions) {
    return this.r.domainGetJobInfo({ dom: toWireDomain(dom) }, o);
  }

  /** Aborts the running job; a migration stops and the guest keeps running on the source. flags: DomainAbortJobFlagsValues. */
  abortJob(dom: DomainRef, flags = 0, o?: CallOptions): Promise<void> {
    if (flags === 0) return this.r.domainAbortJob({ dom: toWireDomain(dom) }, o);
    return this.r.domainAbortJobFlags({ dom: toWireDomain(dom), flags }, o);
  }

  /** Bandwidth limit (MiB/s) of the domain's migration, also while one runs. flags: DomainMigrateMaxSpeedFlags. */
  setMaxSpeed(dom: DomainRef, mibPerSecond: number, flags = 0, o?: CallOptions): Promise<void> {
    return this.r.domainMigrateSetMaxSpeed({ dom: toWireDomain(dom), bandwidth: BigInt(mibPerSecond), flags }, o);
  }

  async maxSpeed(dom: DomainRef, flags = 0, o?: CallOptions): Promise<number> {
    return Number((await this.r.domainMigrateGetMaxSpeed({ dom: toWireDomain(dom), flags }, o)).bandwidth);
  }

  /** The downtime (ms) the guest may be paused for the switch-over. */
  setMaxDowntime(dom: DomainRef, ms: number, o?: CallOptions): Promise<void> {
    return this.r.domainMigrateSetMaxDowntime({ dom: toWireDomain(dom), downtime: BigInt(ms), flags: 0 }, o);
  }

  /** Switches a running migration started with POSTCOPY to post-copy: the guest runs on the destination now. */
  startPostCopy(dom: DomainRef, o?: CallOptions): Promise<void> {
    return this.r.domainMigrateStartPostCopy({ dom: toWireDomain(dom), flags: 0 }, o);
  }

  /**
   * Compares a <cpu> definition with what this host's hypervisor can give a guest of that type (CPUCompareResult:
   * INCOMPATIBLE 0, IDENTICAL 1, SUPERSET 2). flags: ConnectCompareCPUFlags.
   */
  async compareHypervisorCpu(
    q: { emulator?: string; arch?: string; machine?: string; virttype?: string; cpuXml: string },
    flags = 0,
    o?: CallOptions,
  ): Promise<number> {
    const ret = await this.r.connectCompareHypervisorCpu(
      { emulator: q.emulator ?? null, arch: q.arch ?? null, machine: q.machine ?? null, virttype: q.virttype ?? null, xmlCPU: q.cpuXml, flags },
      o,
    );
    return ret.result;
  }
}
