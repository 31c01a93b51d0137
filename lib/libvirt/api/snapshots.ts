import type { RemoteProcedures } from '../protocol/remote.gen';
import type { CallOptions } from '../rpc/types';
import { fromWireDomainChild, toWireDomain, toWireDomainChild, type DomainChildRef, type DomainRef } from './refs';

/** A domain snapshot: its name within the domain. */
export type SnapshotRef = DomainChildRef;

/** Domain snapshots: list, look up, describe, create, revert, delete. Flags are the DomainSnapshot* constants. */
export class SnapshotApi {
  constructor(private readonly r: RemoteProcedures) {}

  /** flags: DomainSnapshotListFlags (0 = every snapshot; ROOTS, LEAVES, INTERNAL, EXTERNAL, TOPOLOGICAL...). */
  async list(dom: DomainRef, flags = 0, o?: CallOptions): Promise<SnapshotRef[]> {
    return (await this.r.domainListAllSnapshots({ dom: toWireDomain(dom), need_results: 1, flags }, o)).snapshots.map(fromWireDomainChild);
  }

  async lookupByName(dom: DomainRef, name: string, o?: CallOptions): Promise<SnapshotRef> {
    return fromWireDomainChild((await this.r.domainSnapshotLookupByName({ dom: toWireDomain(dom), name, flags: 0 }, o)).snap);
  }

  /** The snapshot's description (<domainsnapshot>); flags: DomainSnapshotXMLFlags (SECURE). */
  async xml(snap: SnapshotRef, flags = 0, o?: CallOptions): Promise<string> {
    return (await this.r.domainSnapshotGetXmlDesc({ snap: toWireDomainChild(snap), flags }, o)).xml;
  }

  /** The snapshot the domain's current state descends from, or null when there is none. */
  async current(dom: DomainRef, o?: CallOptions): Promise<SnapshotRef | null> {
    const { result } = await this.r.domainHasCurrentSnapshot({ dom: toWireDomain(dom), flags: 0 }, o);
    if (result !== 1) return null;
    return fromWireDomainChild((await this.r.domainSnapshotCurrent({ dom: toWireDomain(dom), flags: 0 }, o)).snap);
  }

  async isCurrent(snap: SnapshotRef, o?: CallOptions): Promise<boolean> {
    return (await this.r.domainSnapshotIsCurrent({ snap: toWireDomainChild(snap), flags: 0 }, o)).current === 1;
  }

  /** flags: DomainSnapshotListFlags (DESCENDANTS for the whole subtree, LEAVES...). */
  async children(snap: SnapshotRef, flags = 0, o?: CallOptions): Promise<SnapshotRef[]> {
    return (await this.r.domainSnapshotListAllChildren({ snapshot: toWireDomainChild(snap), need_results: 1, flags }, o)).snapshots.map(fromWireDomainChild);
  }

  /** flags: DomainSnapshotCreateFlags (DISK_ONLY, QUIESCE, ATOMIC, LIVE, REUSE_EXT, REDEFINE...). */
  async create(dom: DomainRef, xml: string, flags = 0, o?: CallOptions): Promise<SnapshotRef> {
    return fromWireDomainChild((await this.r.domainSnapshotCreateXml({ dom: toWireDomain(dom), xml_desc: xml, flags }, o)).snap);
  }

  /** flags: DomainSnapshotRevertFlags (RUNNING, PAUSED, FORCE, RESET_NVRAM). */
  revert(snap: SnapshotRef, flags = 0, o?: CallOptions): Promise<void> {
    return this.r.domainRevertToSnapshot({ snap: toWireDomainChild(snap), flags }, o);
  }

  /** flags: DomainSnapshotDeleteFlags (CHILDREN, CHILDREN_ONLY, METADATA_ONLY). */
  delete(snap: SnapshotRef, flags = 0, o?: CallOptions): Promise<void> {
    return this.r.domainSnapshotDelete({ snap: toWireDomainChild(snap), flags }, o);
  }
}
