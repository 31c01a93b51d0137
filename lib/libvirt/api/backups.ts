import type { RemoteProcedures } from '../protocol/remote.gen';
import type { CallOptions } from '../rpc/types';
import { toWireDomain, type DomainRef } from './refs';
import { paramsToRecord, type ParamValue } from './typed-params';

/** A domain job's statistics: `type` is DomainJobType (NONE when no job runs; COMPLETED/FAILED/CANCELLED for the last one). */
export interface DomainJobStats {
  type: number;
  params: Record<string, ParamValue>;
}

/**
 * libvirt's backup jobs (virDomainBackupBegin): the hypervisor copies a running domain's disks while the guest
 * goes on. In push mode it writes the copies itself; with an incremental base only the blocks changed since that
 * checkpoint. A backup is a domain job: its progress and end are read with jobStats, and abortJob cancels it.
 */
export class BackupApi {
  constructor(private readonly r: RemoteProcedures) {}

  /**
   * Starts a backup described by `backupXml` (<domainbackup>), optionally creating the checkpoint `checkpointXml`
   * (<domaincheckpoint>) at the same instant. flags: DomainBackupBeginFlags (EXTERNAL = REUSE_EXTERNAL: the target
   * files exist already and are written into).
   */
  begin(dom: DomainRef, backupXml: string, checkpointXml: string | null, flags = 0, o?: CallOptions): Promise<void> {
    return this.r.domainBackupBegin({ dom: toWireDomain(dom), backup_xml: backupXml, checkpoint_xml: checkpointXml, flags }, o);
  }

  /** The running backup's description, with libvirt's defaults filled in. */
  async xml(dom: DomainRef, o?: CallOptions): Promise<string> {
    return (await this.r.domainBackupGetXmlDesc({ dom: toWireDomain(dom), flags: 0 }, o)).xml;
  }

  /** flags: DomainGetJobStatsFlags (COMPLETED: the job that just ended; KEEP_COMPLETED: leave those for another reader). */
  async jobStats(dom: DomainRef, flags = 0, o?: CallOptions): Promise<DomainJobStats> {
    const ret = await this.r.domainGetJobStats({ dom: toWireDomain(dom), flags }, o);
    return { type: ret.type, params: paramsToRecord(ret.params) };
  }

  /** Cancels the domain's running job (a backup stops and its partial copies are left to the caller). */
  abortJob(dom: DomainRef, o?: CallOptions): Promise<void> {
    return this.r.domainAbortJob({ dom: toWireDomain(dom) }, o);
  }
}
