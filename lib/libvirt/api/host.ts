import type { CallOptions } from '../rpc/types';
import { NodeGetCPUStatsAllCPUs, NodeGetMemoryStatsAllCells } from '../protocol/constants.gen';
import type { NodeGetInfoRet, RemoteProcedures } from '../protocol/remote.gen';

/** The host's CPUs and memory: libvirt's node info, with the model as text and the memory as a Number. */
export interface NodeInfo extends Omit<NodeGetInfoRet, 'model' | 'memory'> {
  /** CPU architecture as libvirt reports it, e.g. "x86_64". */
  model: string;
  memoryKiB: number;
}

export interface DomainCapabilitiesQuery {
  emulatorbin?: string;
  arch?: string;
  machine?: string;
  virttype?: string;
}

/** Facts about the host and the hypervisor behind the connection. */
export class HostApi {
  private cpuParams: number | undefined;
  private memoryParams: number | undefined;

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
    const { model: _chars, memory, ...counts } = i;
    return { ...counts, model, memoryKiB: Number(memory) };
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
   * The host's CPU time counters in ns (kernel, user, idle, iowait on Linux), summed over every CPU unless `cpu`.
   * libvirt wants the exact parameter count, so the first call asks for it and later ones reuse it.
   */
  async cpuStats(cpu = NodeGetCPUStatsAllCPUs.CPUS, o?: CallOptions): Promise<Record<string, bigint>> {
    this.cpuParams ??= (await this.r.nodeGetCpuStats({ cpuNum: cpu, nparams: 0, flags: 0 }, o)).nparams;
    const ret = await this.r.nodeGetCpuStats({ cpuNum: cpu, nparams: this.cpuParams, flags: 0 }, o);
    return Object.fromEntries(ret.params.map((p) => [p.field, p.value]));
  }

  /** The host's memory in KiB (total, free, buffers, cached on Linux), over every NUMA cell unless `cell`. */
  async memoryStats(cell = NodeGetMemoryStatsAllCells.CELLS, o?: CallOptions): Promise<Record<string, bigint>> {
    this.memoryParams ??= (await this.r.nodeGetMemoryStats({ cellNum: cell, nparams: 0, flags: 0 }, o)).nparams;
    const ret = await this.r.nodeGetMemoryStats({ cellNum: cell, nparams: this.memoryParams, flags: 0 }, o);
    return Object.fromEntries(ret.params.map((p) => [p.field, p.value]));
  }

  /** Free memory on the host, in bytes. */
  async freeMemory(o?: CallOptions): Promise<number> {
    return Number((await this.r.nodeGetFreeMemory(o)).freeMem);
  }

  async uri(o?: CallOptions): Promise<string> {
    return (await this.r.connectGetUri(o)).uri;
  }
}
