import type { RemoteProcedures } from '../protocol/remote.gen';
import type { CallOptions } from '../rpc/types';
import { fromWireDomainChild, toWireDomain, toWireDomainChild, type DomainChildRef, type DomainRef } from './refs';

/** A checkpoint: its name within its domain. */
export type CheckpointRef = DomainChildRef;

/**
 * Domain checkpoints: the points from which libvirt can tell which blocks of a disk changed (a qcow2 dirty bitmap
 * per disk, named after the checkpoint). Incremental backups name one as their base.
 */
export class CheckpointApi {
  constructor(private readonly r: RemoteProcedures) {}

  /** flags: DomainCheckpointCreateFlags (REDEFINE puts back metadata of a bitmap the disk still has). */
  async createXml(dom: DomainRef, xml: string, flags = 0, o?: CallOptions): Promise<CheckpointRef> {
    return fromWireDomainChild((await this.r.domainCheckpointCreateXml({ dom: toWireDomain(dom), xml_desc: xml, flags }, o)).checkpoint);
  }

  /** flags: DomainCheckpointListFlags (ROOTS, TOPOLOGICAL, LEAVES, NO_LEAVES). */
  async list(dom: DomainRef, flags = 0, o?: CallOptions): Promise<CheckpointRef[]> {
    return (await this.r.domainListAllCheckpoints({ dom: toWireDomain(dom), need_results: 1, flags }, o)).checkpoints.map(fromWireDomainChild);
  }

  async lookupByName(dom: DomainRef, name: string, o?: CallOptions): Promise<CheckpointRef> {
    return fromWireDomainChild((await this.r.domainCheckpointLookupByName({ dom: toWireDomain(dom), name, flags: 0 }, o)).checkpoint);
  }

  async parent(cp: CheckpointRef, o?: CallOptions): Promise<CheckpointRef> {
    return fromWireDomainChild((await this.r.domainCheckpointGetParent({ checkpoint: toWireDomainChild(cp), flags: 0 }, o)).parent);
  }

  /** flags: DomainCheckpointXMLFlags (SIZE adds each disk's changed bytes since the checkpoint; needs a running domain). */
  async xml(cp: CheckpointRef, flags = 0, o?: CallOptions): Promise<string> {
    return (await this.r.domainCheckpointGetXmlDesc({ checkpoint: toWireDomainChild(cp), flags }, o)).xml;
  }

  /** flags: DomainCheckpointDeleteFlags (CHILDREN, METADATA_ONLY leaves the bitmaps, CHILDREN_ONLY). */
  delete(cp: CheckpointRef, flags = 0, o?: CallOptions): Promise<void> {
    return this.r.domainCheckpointDelete({ checkpoint: toWireDomainChild(cp), flags }, o);
  }
}
