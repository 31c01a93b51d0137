// The JSON the browser reads from Vireo's API, as the components rely on it. Declared here rather than imported
// from the services that produce it, so nothing in components/ reaches for lib/libvirt, lib/connection or a
// module that does; types.contract.test.ts fails when a service's shape drifts from what is declared here.
// Types from pure lib modules (no I/O, no libvirt) are re-exported as they are.

export type { VmState } from '@/lib/vms/state-names';
export type {
  BootChange, CdromAdd, CdromMedia, ChangeOutcome, DimmAdd, DiskAdd, DiskBus, DiskCache, DiskDiscard, DiskIo, DiskSource, DiskUpdate,
  DiskView, HalfOutcome, HardwareView, MemoryChange, NicAdd, NicUpdate, NicView, VcpuChange,
} from '@/lib/hardware/types';
export type { JobStep, JobView } from '@/lib/jobs/types';
export type { NetworkMode, NetworkModel } from '@/lib/networks/model';

import type { VmState } from '@/lib/vms/state-names';
import type { NetworkModel } from '@/lib/networks/model';

// ---- connection -------------------------------------------------------------------------------------------

/** GET /api/status `.libvirt`, and the `status` event of /api/vms/events. */
export interface LibvirtStatus {
  state: 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';
  /** Plain-words reason while not connected. */
  problem: string | null;
}

export interface StatusReply { libvirt: LibvirtStatus }

// ---- virtual machines -------------------------------------------------------------------------------------

export type LifecycleAction = 'start' | 'shutdown' | 'destroy' | 'reboot' | 'suspend' | 'resume';

/** One row of GET /api/vms and of the live feed. */
export interface VmRow {
  uuid: string;
  name: string;
  id: number;
  state: VmState;
  vcpus: number;
  memoryKiB: number;
  maxMemKiB: number;
  autostart: boolean;
  ips: string[];
}

export interface VmList { vms: VmRow[] }

/** A `change` event of /api/vms/events. */
export type InventoryChange =
  | { type: 'upsert'; row: VmRow }
  | { type: 'state'; uuid: string; name: string; state: VmState }
  | { type: 'remove'; uuid: string; name: string }
  | { type: 'reset'; rows: VmRow[] };

export interface DiskSummary {
  device: string;
  target: string | null;
  bus: string | null;
  format: string | null;
  source: string | null;
  readonly: boolean;
}

export interface NicSummary { type: string; source: string | null; mac: string | null; model: string | null }

export interface DomainSummary {
  title: string | null;
  description: string | null;
  hypervisor: string | null;
  arch: string | null;
  machine: string | null;
  osType: string | null;
  firmware: string | null;
  directKernel: boolean;
  memoryKiB: number | null;
  currentMemoryKiB: number | null;
  vcpus: number | null;
  disks: DiskSummary[];
  nics: NicSummary[];
  graphics: string[];
  consoles: string[];
}

/** GET /api/vms/{name}. */
export interface VmDefinition {
  name: string;
  uuid: string;
  live: string | null;
  inactive: string;
  summary: DomainSummary;
}

/** GET /api/vms/{name}/delete-plan. */
export interface DeletePlan {
  name: string;
  uuid: string;
  running: boolean;
  disks: { target: string | null; device: string; source: string | null; volume: { key: string } | null; suggested: boolean }[];
  nvram: string | null;
  snapshots: number;
}

/** DELETE /api/vms/{name}. */
export interface DeleteResult {
  removedVolumes: string[];
  failedVolumes: { key: string; error: string }[];
}

/** POST /api/vms/bulk. */
export interface BulkReply { results: { name: string; ok: boolean; error?: string }[] }

// ---- networks ---------------------------------------------------------------------------------------------

export interface NetworkUser { name: string; running: boolean }

export interface NetworkRow {
  name: string;
  uuid: string;
  active: boolean;
  autostart: boolean;
  model: NetworkModel;
  vms: NetworkUser[];
}

/** GET /api/networks/{name}. */
export interface NetworkDetail extends NetworkRow {
  live: string | null;
  inactive: string;
  pendingRestart: boolean;
}

export interface HostBridge { name: string; ports: { name: string; physical: boolean }[]; operstate: string }
export interface HostNic { name: string; operstate: string; mac: string | null; bridge: string | null }

/** GET /api/networks. */
export interface NetworkListing { networks: NetworkRow[]; bridges: HostBridge[]; nics: HostNic[]; hostLocal: boolean }

export interface DhcpLease {
  /** Seconds since the epoch. */
  expiryTime: number;
  mac: string | null;
  ipAddress: string;
  prefix: number;
  hostname: string | null;
}

/** GET /api/networks/{name}/leases. */
export interface LeaseList { leases: DhcpLease[] }

// ---- storage ----------------------------------------------------------------------------------------------

export interface PoolRow {
  name: string;
  uuid: string;
  type: string;
  state: 'inactive' | 'building' | 'running' | 'degraded' | 'inaccessible';
  active: boolean;
  autostart: boolean;
  targetPath: string | null;
  capacity: number;
  allocation: number;
  available: number;
}

/** GET /api/storage/pools. */
export interface PoolListing { pools: PoolRow[]; hostTypes: string[] }

export interface VolumeRow {
  name: string;
  pool: string;
  path: string | null;
  format: string | null;
  capacity: number;
  allocation: number | null;
}

/** GET /api/storage/pools/{pool}. */
export interface PoolDetail { pool: PoolRow; volumes: VolumeRow[] }

/** GET /api/storage/pools/{pool}/volumes. */
export interface VolumeList { volumes: VolumeRow[] }

// ---- users and audit --------------------------------------------------------------------------------------

export interface UserRow { id: string; username: string; role: string; createdAt: string }

/** GET /api/users. */
export interface UserList { users: UserRow[] }

export interface AuditRow {
  id: number;
  at: string;
  username: string;
  action: string;
  objectType: string;
  objectName: string;
  outcome: string;
  error: string | null;
  detail: string | null;
  ip: string | null;
}

/** GET /api/audit. */
export interface AuditPage { entries: AuditRow[] }

// ---- host and provisioning (rendered by server pages, passed as props) ------------------------------------

export interface HostOverview {
  hostname: string;
  libvirtVersion: string;
  qemuVersion: string;
  cpuModel: string;
  cpuVendor: string | null;
  arch: string;
  cpus: number;
  sockets: number;
  cores: number;
  threads: number;
  numaNodes: number;
  memoryTotal: number;
  memoryFree: number;
  kvm: boolean;
  pools: { name: string; active: boolean; capacity: number; available: number }[];
  networks: { name: string; active: boolean; autostart: boolean }[];
}

export interface WizardOptions {
  domainType: { type: 'kvm' | 'qemu'; reason: string };
  host: { cpus: number; memoryMiB: number; freeMiB: number };
  pools: { name: string; active: boolean; availableBytes: number | null }[];
  networks: { name: string; active: boolean; mode: string }[];
  bridges: string[];
  catalog: { id: string; label: string; cached: boolean }[];
  volumes: { pool: string; name: string; format: string | null; capacity: number }[];
}
