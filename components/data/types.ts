// The JSON the browser reads from Vireo's API, in one place. Shapes the services already declare are re-exported
// from them as types only (erased before bundling, so nothing of the server ships). Two are declared here,
// because they come from lib/libvirt and lib/connection, which nothing in components/ may import, not even for
// a type: the libvirt connection state and a DHCP lease. The envelopes (`{ vms: [...] }`) are what each URL
// answers; the hooks in hooks.ts are typed by them.

import type { AuditRow } from '@/lib/audit/log';
import type { AlertView } from '@/lib/alerts/instances';
import type { AlertRuleView } from '@/lib/alerts/model';
import type { DeliveryView } from '@/lib/alerts/notifier';
import type { ReceiverView } from '@/lib/alerts/receivers';
import type { SilenceView } from '@/lib/alerts/silences';
import type { ApiTokenView } from '@/lib/auth/api-tokens';
import type { JobView } from '@/lib/jobs/types';
import type { CurrentUsage } from '@/lib/metrics/collector';
import type { HostView } from '@/lib/hosts/view';
import type { MigrationDestination } from '@/lib/migration/types';
import type { HostBridge, HostNic } from '@/lib/host/bridges';
import type { NetworkRow } from '@/lib/networks/read';
import type { PoolRow } from '@/lib/storage/pools';
import type { VolumeRow } from '@/lib/storage/volumes';
import type { VmRow } from '@/lib/vms/inventory';

export type { AuditRow } from '@/lib/audit/log';
export type { AlertView } from '@/lib/alerts/instances';
export type { AlertRuleView } from '@/lib/alerts/model';
export type { DeliveryView } from '@/lib/alerts/notifier';
export type { ReceiverView } from '@/lib/alerts/receivers';
export type { SilenceView } from '@/lib/alerts/silences';
export type { BackupPointView, BackupScheduleView, ChainHealth, VmBackups } from '@/lib/backups/types';
export type { ApiTokenView } from '@/lib/auth/api-tokens';
export type { CurrentUsage, VmUsage } from '@/lib/metrics/collector';
export type { HostColumns, VmColumns } from '@/lib/metrics/history';
export type { RangeName } from '@/lib/metrics/tiers';
export type {
  BootChange,
  CdromAdd,
  CdromMedia,
  ChangeOutcome,
  DimmAdd,
  DiskAdd,
  DiskBus,
  DiskCache,
  DiskDiscard,
  DiskIo,
  DiskSource,
  DiskUpdate,
  DiskView,
  HalfOutcome,
  HardwareView,
  MemoryChange,
  NicAdd,
  NicUpdate,
  NicView,
  VcpuChange,
} from '@/lib/hardware/types';
export type { HostBridge, HostNic } from '@/lib/host/bridges';
export type { HostOverview } from '@/lib/host/overview';
export type { HostView } from '@/lib/hosts/view';
export type { HostProbe } from '@/lib/hosts/probe';
export type { JobStep, JobView } from '@/lib/jobs/types';
export type { MigrationDestination, MigrationMode, MigrationOptions, Precheck, PrecheckItem, StorageMode } from '@/lib/migration/types';
export type { SnapshotList, SnapshotNode, DeleteSnapshotResult } from '@/lib/snapshots/snapshots';
export type { SnapshotKind } from '@/lib/snapshots/policy';
export type { TemplateState } from '@/lib/clones/templates';
export type { VmTagsView } from '@/lib/tags/service';
export type { NetworkMode, NetworkModel } from '@/lib/networks/model';
export type { NetworkDetail, NetworkRow } from '@/lib/networks/read';
export type { WizardOptions } from '@/lib/provisioning/options';
export type { HostVerdict, Placement } from '@/lib/placement/types';
export type { OsVariant } from '@/lib/osinfo/types';
export type { PoolRow } from '@/lib/storage/pools';
export type { VolumeRow } from '@/lib/storage/volumes';
export type { VmDefinition } from '@/lib/vms/definition';
export type { DeletePlan, DeleteResult } from '@/lib/vms/delete';
export type { InventoryChange, VmRow } from '@/lib/vms/inventory';
export type { LifecycleAction } from '@/lib/vms/lifecycle';
export type { VmState } from '@/lib/vms/state-names';
import type { HostStatus } from '@/lib/hosts/status';

/**
 * GET /api/status `.libvirt`, and the `status` event of /api/vms/events: the host's app connection state and,
 * while it is not open, why in plain words.
 */
export type LibvirtStatus = HostStatus;

/** One entry of GET /api/networks/{name}/leases (the fields the page shows). */
export interface DhcpLease {
  /** Seconds since the epoch. */
  expiryTime: number;
  mac: string | null;
  ipAddress: string;
  prefix: number;
  hostname: string | null;
}

// What each URL answers.

/** GET /api/status */
export interface StatusReply {
  libvirt: LibvirtStatus;
}
/** GET /api/vms, and the cached list the live feed keeps current. */
export interface VmList {
  vms: VmRow[];
}
/** POST /api/vms/bulk */
export interface BulkReply {
  results: { name: string; ok: boolean; error?: string }[];
}
/** GET /api/networks */
export interface NetworkListing {
  networks: NetworkRow[];
  bridges: HostBridge[];
  nics: HostNic[];
  hostLocal: boolean;
}
/** GET /api/networks/{name}/leases */
export interface LeaseList {
  leases: DhcpLease[];
}
/** GET /api/storage/pools */
export interface PoolListing {
  pools: PoolRow[];
  hostTypes: string[];
}
/** GET /api/storage/pools/{pool} */
export interface PoolDetail {
  pool: PoolRow;
  volumes: VolumeRow[];
}
/** GET /api/storage/pools/{pool}/volumes */
export interface VolumeList {
  volumes: VolumeRow[];
}
/** A user as GET /api/users lists it (dates as ISO text). */
export interface UserRow {
  id: string;
  username: string;
  role: string;
  createdAt: string;
  disabled: boolean;
  /** Sessions still open, and when the most recently used one was last used (null: none open). */
  sessions: number;
  lastSeenAt: string | null;
}
/** GET /api/users */
export interface UserList {
  users: UserRow[];
}
/** One open session of a user, as GET /api/users/{id}/sessions lists it (dates as ISO text). */
export interface UserSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  /** The session this browser is signed in with. */
  current: boolean;
}
/** GET /api/users/{id}/sessions */
export interface SessionList {
  sessions: UserSession[];
}
/** GET /api/audit */
export interface AuditPage {
  entries: AuditRow[];
}

/** GET /api/jobs: the newest jobs, newest first. */
export interface JobList {
  jobs: JobView[];
}

/** GET /api/hosts */
export interface HostList {
  hosts: HostView[];
}

/** The live inventory of every host (GET /api/inventory/events feeds it): per host its connection and its VMs. */
export interface FleetList {
  hosts: Record<string, { status: LibvirtStatus | null; vms: VmRow[] | undefined }>;
}

/** GET /api/inventory/usage: what the running VMs of every host use now, one entry per host. */
export interface FleetUsage {
  hosts: CurrentUsage[];
}

/** A VM of the fleet list: its row and the host it is on; `unknown` while that host cannot be reached. */
export type FleetRow = VmRow & { host: string; unknown: boolean };
export interface MigrationDestinations {
  destinations: MigrationDestination[];
}

export interface AlertList {
  alerts: AlertView[];
}

export interface AlertRuleList {
  rules: AlertRuleView[];
}

export interface ReceiverList {
  receivers: ReceiverView[];
}

export interface SilenceList {
  silences: SilenceView[];
}

export interface DeliveryList {
  deliveries: DeliveryView[];
}

export interface TokenList {
  tokens: ApiTokenView[];
  /** The reader may list every user's tokens (?all=1). */
  canSeeAll: boolean;
}
