import type { CallOptions } from '../rpc/types';
import type { RemoteProcedures } from '../protocol/remote.gen';

export interface NodeInfo {
  /** CPU architecture as libvirt reports it, e.g. "x86_64". */
  model: string;
  memoryKiB: number;
  cpus: number;
  mhz: number;
  nodes: number;
  sockets: number;
  cores: number;
  threads: number;
}

export interface DomainCapabilitiesQuery {
  emulatorbin?: string;
  arch?: string;
  machine?: string;
  virttype?: string;
}

/** Facts about the host and the hypervisor behind the connection. */
export class HostApi {
  constructor(private readonly r: RemoteProcedures) {}

  /** libvirt's version as major * 1e6 + minor * 1e3 + micro. */
  async libVersion(o?: CallOptions): Promise<number> {
    return Number((await this.r.connectGetLibVersion(o)).lib_ver);
  }

  /** The hypervisor's version in the same encoding (QEMU 7.2.0 → 7002000). */
  async hypervisorVersion(o?: CallOptions): Promise<number> {
    return Number((await this.r.connectGetVersion(o)).hv_ver);
  }

  async hostname(o?: CallOptions): Promise<string> {
    return (await this.r.connectGetHostname(o)).hostname;
  }

  async nodeInfo(o?: CallOptions): Promise<NodeInfo> {
    const i = await this.r.nodeGetInfo(o);
    // The model travels as 32 XDR chars (four bytes each), NUL-padded.
    const end = i.model.indexOf(0);
    const model = String.fromCharCode(...(end < 0 ? i.model : i.model.slice(0, end)).map((c) => c & 0xff));
    return {
      model,
      memoryKiB: Number(i.memory),
      cpus: i.cpus,
      mhz: i.mhz,
      nodes: i.nodes,
      sockets: i.sockets,
      cores: i.cores,
      threads: i.threads,
    };
  }

  async capabilities(o?: CallOptions): Promise<string> {
    return (await this.r.connectGetCapabilities(o)).capabilities;
  }

  async domainCapabilities(q: DomainCapabilitiesQuery = {}, o?: CallOptions): Promise<string> {
    const ret = await this.r.connectGetDomainCapabilities(
      {
        emulatorbin: q.emulatorbin ?? null,
        arch: q.arch ?? null,
        machine: q.machine ?? null,
        virttype: q.virttype ?? null,
        flags: 0,
      },
      o,
    );
    return ret.capabilities;
  }

  /**
   * The host's memory counters for all NUMA cells together, in KiB, by libvirt's field names: total, free, buffers,
   * cached (on Linux, /proc/meminfo's MemTotal, MemFree, Buffers, Cached). Asked twice, as virsh does: first how
   * many counters there are, then for them.
   */
  async memoryStats(o?: CallOptions): Promise<Record<string, number>> {
    const ALL_CELLS = -1;
    const { nparams } = await this.r.nodeGetMemoryStats({ nparams: 0, cellNum: ALL_CELLS, flags: 0 }, o);
    const { params } = await this.r.nodeGetMemoryStats({ nparams, cellNum: ALL_CELLS, flags: 0 }, o);
    return Object.fromEntries(params.map((p) => [p.field, Number(p.value)]));
  }

  /** Free memory on the host, in bytes. */
  async freeMemory(o?: CallOptions): Promise<number> {
    return Number((await this.r.nodeGetFreeMemory(o)).freeMem);
  }

  async uri(o?: CallOptions): Promise<string> {
    return (await this.r.connectGetUri(o)).uri;
  }
}
