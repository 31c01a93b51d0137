import type { Duplex } from 'node:stream';
import { ErrorNumber } from '../protocol/constants.gen';
import type { RemoteProcedures } from '../protocol/remote.gen';
import { LibvirtError } from '../errors';
import type { CallOptions } from '../rpc/types';
import { fromWireDomain, parseUuid, toWireDomain, type DomainRef } from './refs';
import { scopeFlags, type Scope } from './scope';
import { paramsToRecord, type ParamValue } from './typed-params';

export interface DomainInfo {
  /** DomainState: RUNNING, PAUSED, SHUTOFF, ... */
  state: number;
  maxMemKiB: number;
  memoryKiB: number;
  vcpus: number;
  cpuTimeNs: bigint;
}

export interface DomainStats {
  dom: DomainRef;
  params: Record<string, ParamValue>;
}

export interface InterfaceAddresses {
  name: string;
  mac: string | null;
  addrs: { type: 'ipv4' | 'ipv6'; addr: string; prefix: number }[];
}

/** Domains (virtual machines): lookup, lifecycle, definition, devices, stats and console. */
export class DomainApi {
  constructor(private readonly r: RemoteProcedures) {}

  /** Every domain matching ConnectListAllDomainsFlags (0 = all, active and inactive). */
  async listAll(flags = 0, o?: CallOptions): Promise<DomainRef[]> {
    const ret = await this.r.connectListAllDomains({ need_results: 1, flags }, o);
    return ret.domains.map(fromWireDomain);
  }

  /** How many domains match ConnectListAllDomainsFlags (0 = all), without sending their names. */
  async count(flags = 0, o?: CallOptions): Promise<number> {
    return (await this.r.connectListAllDomains({ need_results: 0, flags }, o)).ret;
  }

  async lookupByName(name: string, o?: CallOptions): Promise<DomainRef> {
    return fromWireDomain((await this.r.domainLookupByName({ name }, o)).dom);
  }

  async lookupByUuid(uuid: string, o?: CallOptions): Promise<DomainRef> {
    return fromWireDomain((await this.r.domainLookupByUuid({ uuid: parseUuid(uuid) }, o)).dom);
  }

  /** Defines (or redefines) a persistent domain. flags: DomainDefineFlags (e.g. VALIDATE against the schema). */
  async defineXml(xml: string, flags = 0, o?: CallOptions): Promise<DomainRef> {
    return fromWireDomain((await this.r.domainDefineXmlFlags({ xml, flags }, o)).dom);
  }

  /** flags: DomainUndefineFlagsValues (MANAGED_SAVE, SNAPSHOTS_METADATA, NVRAM, KEEP_NVRAM, CHECKPOINTS_METADATA). */
  undefine(dom: DomainRef, flags = 0, o?: CallOptions): Promise<void> {
    return this.r.domainUndefineFlags({ dom: toWireDomain(dom), flags }, o);
  }

  /**
   * Starts a transient domain from XML: it exists while it runs and is gone once it stops. flags: DomainCreateFlags
   * (START_PAUSED: the vCPUs wait for resume; START_AUTODESTROY: it goes when this connection closes).
   */
  async createXml(xml: string, flags = 0, o?: CallOptions): Promise<DomainRef> {
    return fromWireDomain((await this.r.domainCreateXml({ xml_desc: xml, flags }, o)).dom);
  }

  /** Starts a defined domain; returns it with its new id. */
  async create(dom: DomainRef, flags = 0, o?: CallOptions): Promise<DomainRef> {
    return fromWireDomain((await this.r.domainCreateWithFlags({ dom: toWireDomain(dom), flags }, o)).dom);
  }

  /** Asks the guest to shut down (ACPI by default). flags: DomainShutdownFlagValues. */
  shutdown(dom: DomainRef, flags = 0, o?: CallOptions): Promise<void> {
    return this.r.domainShutdownFlags({ dom: toWireDomain(dom), flags }, o);
  }

  /** Powers the domain off at once. */
  destroy(dom: DomainRef, flags = 0, o?: CallOptions): Promise<void> {
    return this.r.domainDestroyFlags({ dom: toWireDomain(dom), flags }, o);
  }

  reboot(dom: DomainRef, flags = 0, o?: CallOptions): Promise<void> {
    return this.r.domainReboot({ dom: toWireDomain(dom), flags }, o);
  }

  suspend(dom: DomainRef, o?: CallOptions): Promise<void> {
    return this.r.domainSuspend({ dom: toWireDomain(dom) }, o);
  }

  resume(dom: DomainRef, o?: CallOptions): Promise<void> {
    return this.r.domainResume({ dom: toWireDomain(dom) }, o);
  }

  /** flags: DomainXMLFlags (SECURE, INACTIVE, UPDATE_CPU, MIGRATABLE). */
  async xml(dom: DomainRef, flags = 0, o?: CallOptions): Promise<string> {
    return (await this.r.domainGetXmlDesc({ dom: toWireDomain(dom), flags }, o)).xml;
  }

  async info(dom: DomainRef, o?: CallOptions): Promise<DomainInfo> {
    const i = await this.r.domainGetInfo({ dom: toWireDomain(dom) }, o);
    return { state: i.state, maxMemKiB: Number(i.maxMem), memoryKiB: Number(i.memory), vcpus: i.nrVirtCpu, cpuTimeNs: i.cpuTime };
  }

  async state(dom: DomainRef, o?: CallOptions): Promise<{ state: number; reason: number }> {
    return this.r.domainGetState({ dom: toWireDomain(dom), flags: 0 }, o);
  }

  /** extraFlags may add DomainVcpuFlags.MAXIMUM or GUEST. */
  setVcpus(dom: DomainRef, count: number, scope: Scope, extraFlags = 0, o?: CallOptions): Promise<void> {
    return this.r.domainSetVcpusFlags({ dom: toWireDomain(dom), nvcpus: count, flags: scopeFlags(scope) | extraFlags }, o);
  }

  /** extraFlags may add DomainMemoryModFlags.MAXIMUM. */
  setMemory(dom: DomainRef, kib: number, scope: Scope, extraFlags = 0, o?: CallOptions): Promise<void> {
    return this.r.domainSetMemoryFlags({ dom: toWireDomain(dom), memory: BigInt(kib), flags: scopeFlags(scope) | extraFlags }, o);
  }

  attachDevice(dom: DomainRef, xml: string, scope: Scope, o?: CallOptions): Promise<void> {
    return this.r.domainAttachDeviceFlags({ dom: toWireDomain(dom), xml, flags: scopeFlags(scope) }, o);
  }

  detachDevice(dom: DomainRef, xml: string, scope: Scope, o?: CallOptions): Promise<void> {
    return this.r.domainDetachDeviceFlags({ dom: toWireDomain(dom), xml, flags: scopeFlags(scope) }, o);
  }

  /** extraFlags may add DomainDeviceModifyFlags.FORCE (e.g. to eject a locked CD-ROM). */
  updateDevice(dom: DomainRef, xml: string, scope: Scope, extraFlags = 0, o?: CallOptions): Promise<void> {
    return this.r.domainUpdateDeviceFlags({ dom: toWireDomain(dom), xml, flags: scopeFlags(scope) | extraFlags }, o);
  }

  /** Grows (or shrinks) a running guest's disk, by target ("vda") or source path. flags: DomainBlockResizeFlags (BYTES: size in bytes, else KiB). */
  blockResize(dom: DomainRef, disk: string, size: number | bigint, flags = 0, o?: CallOptions): Promise<void> {
    return this.r.domainBlockResize({ dom: toWireDomain(dom), disk, size: BigInt(size), flags }, o);
  }

  /** Capacity (guest-visible size), allocation and physical size of a disk, in bytes; `disk` is a target or source path. */
  async blockInfo(dom: DomainRef, disk: string, o?: CallOptions): Promise<{ capacity: number; allocation: number; physical: number }> {
    const i = await this.r.domainGetBlockInfo({ dom: toWireDomain(dom), path: disk, flags: 0 }, o);
    return { capacity: Number(i.capacity), allocation: Number(i.allocation), physical: Number(i.physical) };
  }

  /** type: DomainMetadataType (TITLE, DESCRIPTION; ELEMENT needs key and uri). null removes it. */
  setMetadata(
    dom: DomainRef,
    type: number,
    value: string | null,
    scope: Scope,
    ns: { key: string; uri: string } | null = null,
    o?: CallOptions,
  ): Promise<void> {
    return this.r.domainSetMetadata({ dom: toWireDomain(dom), type, metadata: value, key: ns?.key ?? null, uri: ns?.uri ?? null, flags: scopeFlags(scope) }, o);
  }

  /**
   * The metadata of that type in the scope's definition ('current': the live one of a running domain), or null when
   * there is none. ELEMENT needs the namespace's uri and answers the element with that namespace taken off.
   */
  async metadata(dom: DomainRef, type: number, scope: Scope, uri: string | null = null, o?: CallOptions): Promise<string | null> {
    try {
      return (await this.r.domainGetMetadata({ dom: toWireDomain(dom), type, uri, flags: scopeFlags(scope) }, o)).metadata;
    } catch (err) {
      if (err instanceof LibvirtError && err.code === ErrorNumber.ERR_NO_DOMAIN_METADATA) return null;
      throw err;
    }
  }

  /** Whether the domain has a persistent definition (a transient one exists only while it runs). */
  async isPersistent(dom: DomainRef, o?: CallOptions): Promise<boolean> {
    return (await this.r.domainIsPersistent({ dom: toWireDomain(dom) }, o)).persistent !== 0;
  }

  /** vCPU count for the scope; extraFlags may add DomainVcpuFlags.MAXIMUM or GUEST. */
  async vcpus(dom: DomainRef, scope: Scope, extraFlags = 0, o?: CallOptions): Promise<number> {
    return (await this.r.domainGetVcpusFlags({ dom: toWireDomain(dom), flags: scopeFlags(scope) | extraFlags }, o)).num;
  }

  async autostart(dom: DomainRef, o?: CallOptions): Promise<boolean> {
    return (await this.r.domainGetAutostart({ dom: toWireDomain(dom) }, o)).autostart !== 0;
  }

  setAutostart(dom: DomainRef, on: boolean, o?: CallOptions): Promise<void> {
    return this.r.domainSetAutostart({ dom: toWireDomain(dom), autostart: on ? 1 : 0 }, o);
  }

  /**
   * Stats of many domains in one call. stats: DomainStatsTypes bits (0 = everything the driver has);
   * flags: ConnectGetAllDomainStatsFlags. `doms` limits the query to those domains.
   */
  async allStats(stats = 0, flags = 0, doms: DomainRef[] = [], o?: CallOptions): Promise<DomainStats[]> {
    const ret = await this.r.connectGetAllDomainStats({ doms: doms.map(toWireDomain), stats, flags }, o);
    return ret.retStats.map((s) => ({ dom: fromWireDomain(s.dom), params: paramsToRecord(s.params) }));
  }

  /** source: DomainInterfaceAddressesSource (LEASE = DHCP leases, AGENT = guest agent, ARP). */
  async interfaceAddresses(dom: DomainRef, source: number, o?: CallOptions): Promise<InterfaceAddresses[]> {
    const ret = await this.r.domainInterfaceAddresses({ dom: toWireDomain(dom), source, flags: 0 }, o);
    return ret.ifaces.map((i) => ({
      name: i.name,
      mac: i.hwaddr,
      addrs: i.addrs.map((a) => ({ type: a.type === 0 ? ('ipv4' as const) : ('ipv6' as const), addr: a.addr, prefix: a.prefix })),
    }));
  }

  /**
   * The guest's console (first serial/console device unless `devName`, e.g. "serial0") as a Duplex: what the
   * guest prints comes out, what is written goes in. flags: DomainConsoleFlags (FORCE takes it over from
   * another client, SAFE refuses if the driver cannot detect that).
   */
  async openConsole(dom: DomainRef, devName: string | null = null, flags = 0, o?: CallOptions): Promise<Duplex> {
    const { stream } = await this.r.domainOpenConsole({ dom: toWireDomain(dom), dev_name: devName, flags }, o);
    return stream;
  }
}
