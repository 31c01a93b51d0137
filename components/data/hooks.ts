'use client';

import { useCallback, useMemo } from 'react';
import useSWR, { type SWRConfiguration } from 'swr';
import useSWRInfinite from 'swr/infinite';
import { api } from '@/components/api-client';
import { useHostId } from '@/components/hosts/host-scope';
import { AUDIT_PAGE, auditKey, keys, type AuditQuery } from './keys';
import type {
  AlertList,
  AlertRuleList,
  AuditPage,
  DeliveryList,
  ReceiverList,
  SilenceList,
  BackupScheduleView,
  VmBackups,
  CurrentUsage,
  HostColumns,
  RangeName,
  TokenList,
  VmColumns,
  AuditRow,
  DeletePlan,
  FleetList,
  FleetUsage,
  HardwareView,
  HostList,
  HostView,
  JobList,
  JobView,
  LeaseList,
  MigrationDestinations,
  NetworkDetail,
  NetworkListing,
  OsVariant,
  Placement,
  PoolDetail,
  PoolListing,
  SessionList,
  SnapshotList,
  StatusReply,
  UserList,
  UserRow,
  VmDefinition,
  VmList,
  VmTagsView,
  VolumeList,
} from './types';

// One hook per resource, keyed by its URL (keys.ts). A page that rendered the data on the server passes it in as
// `initial`: it is shown at once (SWR's fallbackData) and revalidated in the background. A `null` pool or a
// false `enabled` fetches nothing (a dialog that is closed, a choice not made yet).

/** Lists that change behind Vireo's back (another client, virsh) are re-read this often while shown. */
const LIST_REFRESH_MS = 10_000;
/** DHCP leases appear with no libvirt event: re-read while the network page is open. */
const LEASE_REFRESH_MS = 3000;
/** A metrics graph of the last hour follows the collector (a sample every 10 s by default); longer ranges move slowly. */
const LIVE_GRAPH_MS = 10_000;
const SLOW_GRAPH_MS = 60_000;
/** A running job's steps and progress. */
const JOB_REFRESH_MS = 700;
/** The task list while a job runs: one request a second for all of them. */
const JOB_LIST_REFRESH_MS = 1000;

/** The hosts page: connection states change without any event the browser gets. */
const HOST_REFRESH_MS = 3000;

/** Written only by the live feed (live-provider.tsx), never fetched by a hook. */
const fedByLiveStream: SWRConfiguration = {
  revalidateOnMount: false,
  revalidateIfStale: false,
  revalidateOnFocus: false,
  revalidateOnReconnect: false,
};

/** Every VM, kept current by the live feed; undefined until its first snapshot. */
export function useVms() {
  return useSWR<VmList, Error>(keys.vms(useHostId()), null, fedByLiveStream);
}

/** Every host's VMs and connection, kept current by the fleet feed (pages outside a host). */
export function useFleet() {
  return useSWR<FleetList, Error>(keys.inventory, null, fedByLiveStream);
}

/** libvirtd's connection state, from the live feed. */
export function useLibvirtStatus() {
  return useSWR<StatusReply, Error>(keys.status, null, fedByLiveStream);
}

export function useVm(name: string, initial?: VmDefinition) {
  return useSWR<VmDefinition, Error>(keys.vm(useHostId(), name), { fallbackData: initial });
}

/** A VM's tags as libvirt has them (the list's rows carry them too, from the live feed). */
export function useVmTags(name: string) {
  return useSWR<VmTagsView, Error>(keys.vmTags(useHostId(), name));
}

export function useDeletePlan(name: string) {
  return useSWR<DeletePlan, Error>(keys.deletePlan(useHostId(), name));
}

export function useHardware(vm: string) {
  return useSWR<HardwareView, Error>(keys.hardware(useHostId(), vm));
}

/** A VM's backup points and chain state; re-read often while a backup of it runs. */
export function useBackups(vm: string) {
  return useSWR<VmBackups, Error>(keys.backups(useHostId(), vm), {
    refreshInterval: (d) => (d?.points.some((p) => p.status === 'running') ? JOB_LIST_REFRESH_MS : LIST_REFRESH_MS),
  });
}

export function useBackupSchedules() {
  return useSWR<BackupScheduleView[], Error>(keys.backupSchedules(useHostId()));
}

export function useSnapshots(vm: string) {
  return useSWR<SnapshotList, Error>(keys.snapshots(useHostId(), vm));
}

export function useNetworks({ enabled = true, poll = false }: { enabled?: boolean; poll?: boolean } = {}) {
  const host = useHostId();
  return useSWR<NetworkListing, Error>(enabled ? keys.networks(host) : null, { refreshInterval: poll ? LIST_REFRESH_MS : 0 });
}

export function useNetwork(name: string, initial?: NetworkDetail) {
  return useSWR<NetworkDetail, Error>(keys.network(useHostId(), name), { fallbackData: initial });
}

export function useLeases(network: string) {
  return useSWR<LeaseList, Error>(keys.leases(useHostId(), network), { refreshInterval: LEASE_REFRESH_MS });
}

export function usePools({ enabled = true, poll = false }: { enabled?: boolean; poll?: boolean } = {}) {
  const host = useHostId();
  return useSWR<PoolListing, Error>(enabled ? keys.pools(host) : null, { refreshInterval: poll ? LIST_REFRESH_MS : 0 });
}

export function usePool(name: string) {
  return useSWR<PoolDetail, Error>(keys.pool(useHostId(), name));
}

/** The volumes of one pool; `null` (no pool chosen yet) fetches nothing. */
export function useVolumes(pool: string | null) {
  const host = useHostId();
  return useSWR<VolumeList, Error>(pool ? keys.volumes(host, pool) : null);
}

/** The hosts a VM could move to; read while the Migrate dialog is open. */
export function useMigrationDestinations(vm: string) {
  return useSWR<MigrationDestinations, Error>(keys.migration(useHostId(), vm));
}

/** A job; re-read while it runs, so a reload or another tab shows the same steps. */
export function useJob(id: string, initial?: JobView) {
  return useSWR<JobView, Error>(keys.job(id), {
    fallbackData: initial,
    // SWR asks with the cached answer only, which is empty until the first read: until then the page's own
    // copy says whether the job runs (else a first read equal to it would never start the polling).
    refreshInterval: (job) => ((job ?? initial)?.status === 'running' ? JOB_REFRESH_MS : 0),
  });
}

/**
 * The newest jobs (the task list): re-read often while any of them runs, so steps and progress move, and now and
 * then otherwise, to see jobs other users start.
 */
export function useJobs(initial?: JobView[]) {
  const fallbackData = useMemo(() => (initial ? { jobs: initial } : undefined), [initial]);
  // Stable: SWR restarts its timer whenever this function changes, and the list re-renders every second.
  const refreshInterval = useCallback(
    (list: JobList | undefined) => ((list ?? fallbackData)?.jobs.some((j) => j.status === 'running') ? JOB_LIST_REFRESH_MS : LIST_REFRESH_MS),
    [fallbackData],
  );
  return useSWR<JobList, Error>(keys.jobs, { fallbackData, refreshInterval });
}

/** Every host with its connection state; re-read while shown, so a host going down or coming back shows; nothing while `enabled` is false. */
export function useHosts(initial?: HostView[], enabled = true) {
  const fallbackData = useMemo(() => (initial ? { hosts: initial } : undefined), [initial]);
  return useSWR<HostList, Error>(enabled ? keys.hosts : null, { fallbackData, refreshInterval: HOST_REFRESH_MS });
}

/** Every user; re-read while shown, since sign-ins change their sessions and when they were last seen. */
export function useUsers(initial?: UserRow[]) {
  const fallbackData = useMemo(() => (initial ? { users: initial } : undefined), [initial]);
  return useSWR<UserList, Error>(keys.users, { fallbackData, refreshInterval: LIST_REFRESH_MS });
}

/** A user's open sessions; `null` (no user chosen) fetches nothing. */
export function useUserSessions(userId: string | null) {
  return useSWR<SessionList, Error>(userId ? keys.userSessions(userId) : null);
}

/**
 * The audit log, newest first, one page of AUDIT_PAGE entries at a time; `more()` reads the next older page.
 * `initial` is the server's first page for the empty query.
 */
export function useAudit(query: AuditQuery, initial?: AuditRow[]) {
  const blank = !query.q?.trim() && !query.outcome;
  const fallbackData = useMemo(() => (initial && blank ? [{ entries: initial }] : undefined), [initial, blank]);
  const pages = useSWRInfinite<AuditPage, Error>(
    (index, previous: AuditPage | null) => {
      if (index === 0) return auditKey(query);
      if (!previous || previous.entries.length < AUDIT_PAGE) return null;
      return auditKey(query, previous.entries.at(-1)!.id);
    },
    { fallbackData, revalidateFirstPage: false },
  );
  const rows = useMemo(() => pages.data?.flatMap((p) => p.entries), [pages.data]);
  const last = pages.data?.at(-1);
  return {
    rows,
    error: pages.error,
    more: last !== undefined && last.entries.length >= AUDIT_PAGE,
    loadMore: () => pages.setSize((n) => n + 1),
  };
}

/** Operating systems of the osinfo database matching a search (the wizard's OS picker); nothing while `enabled` is false. */
export function useOsVariants(q: string, enabled = true) {
  const host = useHostId();
  return useSWR<{ variants: OsVariant[] }, Error>(enabled ? keys.osVariants(host, q) : null, { keepPreviousData: true, revalidateOnFocus: false });
}

/** Hosts' free room changes as VMs start and stop anywhere: the host step re-judges them this often while shown. */
const PLACEMENT_REFRESH_MS = 10_000;

/**
 * Every host judged for a new VM (POST /api/placement with what it needs), best first, with the pick and why; keyed
 * by the request, so a changed size asks again. Nothing while `request` is null.
 */
export function usePlacement(request: Record<string, unknown> | null) {
  return useSWR<Placement, Error, [string, string] | null>(
    request ? [keys.placement, JSON.stringify(request)] : null,
    ([url, body]) => api<Placement>(url, { method: 'POST', body: JSON.parse(body) }),
    { keepPreviousData: true, refreshInterval: PLACEMENT_REFRESH_MS },
  );
}

/** Alerts change with every metrics sample: re-read this often while the page is open. */
const ALERTS_REFRESH_MS = 5000;

export function useAlerts(initial?: AlertList) {
  return useSWR<AlertList, Error>(keys.alerts, { fallbackData: initial, refreshInterval: ALERTS_REFRESH_MS });
}

export function useAlertRules(initial?: AlertRuleList) {
  return useSWR<AlertRuleList, Error>(keys.alertRules, { fallbackData: initial });
}

export function useAlertReceivers(initial?: ReceiverList) {
  return useSWR<ReceiverList, Error>(keys.alertReceivers, { fallbackData: initial });
}

export function useAlertSilences(initial?: SilenceList) {
  return useSWR<SilenceList, Error>(keys.alertSilences, { fallbackData: initial, refreshInterval: LIST_REFRESH_MS });
}

export function useAlertDeliveries(initial?: DeliveryList) {
  return useSWR<DeliveryList, Error>(keys.alertDeliveries, { fallbackData: initial, refreshInterval: ALERTS_REFRESH_MS });
}

function graphRefresh(range: RangeName): number {
  return range === '1h' ? LIVE_GRAPH_MS : SLOW_GRAPH_MS;
}

/** A VM's history over a range as columns, re-read as the collector adds points. */
export function useVmMetrics(vm: string, range: RangeName) {
  return useSWR<VmColumns, Error>(keys.vmMetrics(useHostId(), vm, range), { refreshInterval: graphRefresh(range), keepPreviousData: true });
}

/** The page's host's history over a range as columns. */
export function useHostMetrics(range: RangeName) {
  return useSWR<HostColumns, Error>(keys.hostMetrics(useHostId(), range), { refreshInterval: graphRefresh(range), keepPreviousData: true });
}

/** What every running VM uses now (the VM list's bars): of one host, or of every host (`null`, the list of every host). */
export function useVmUsage(host: string | null) {
  const one = useSWR<CurrentUsage, Error>(host !== null ? keys.vmUsage(host) : null, { refreshInterval: LIVE_GRAPH_MS });
  const every = useSWR<FleetUsage, Error>(host === null ? keys.inventoryUsage : null, { refreshInterval: LIVE_GRAPH_MS });
  const data = useMemo((): FleetUsage | undefined => (host === null ? every.data : one.data && { hosts: [one.data] }), [host, one.data, every.data]);
  return { data, error: host === null ? every.error : one.error };
}

/** The signed-in user's API tokens. */
export function useTokens() {
  return useSWR<TokenList, Error>(keys.tokens);
}
