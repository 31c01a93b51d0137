// Every resource the browser caches is keyed by the URL it is read from, so a key names exactly one API answer
// and a mutation can say which answers it makes stale.

const seg = encodeURIComponent;

export const keys = {
  status: '/api/status',
  vms: '/api/vms',
  vm: (name: string) => `/api/vms/${seg(name)}`,
  vmTags: (name: string) => `/api/vms/${seg(name)}/tags`,
  deletePlan: (name: string) => `/api/vms/${seg(name)}/delete-plan`,
  hardware: (vm: string) => `/api/vms/${seg(vm)}/hardware`,
  migration: (vm: string) => `/api/vms/${seg(vm)}/migration`,
  migrationPrecheck: (vm: string) => `/api/vms/${seg(vm)}/migration/precheck`,
  backups: (vm: string) => `/api/vms/${seg(vm)}/backups`,
  backupSchedules: '/api/backups/schedules',
  snapshots: (vm: string) => `/api/vms/${seg(vm)}/snapshots`,
  networks: '/api/networks',
  network: (name: string) => `/api/networks/${seg(name)}`,
  leases: (network: string) => `/api/networks/${seg(network)}/leases`,
  pools: '/api/storage/pools',
  pool: (name: string) => `/api/storage/pools/${seg(name)}`,
  volumes: (pool: string) => `/api/storage/pools/${seg(pool)}/volumes`,
  jobs: '/api/jobs',
  job: (id: string) => `/api/jobs/${seg(id)}`,
  users: '/api/users',
  user: (id: string) => `/api/users/${seg(id)}`,
  userSessions: (id: string) => `/api/users/${seg(id)}/sessions`,
  osVariants: (q: string) => `/api/provisioning/os-variants?q=${seg(q.trim())}`,
  alerts: '/api/alerts',
  alertRules: '/api/alerts/rules',
  alertRule: (id: string) => `/api/alerts/rules/${seg(id)}`,
  alertReceivers: '/api/alerts/receivers',
  alertReceiver: (id: string) => `/api/alerts/receivers/${seg(id)}`,
  alertSilences: '/api/alerts/silences',
  alertSilence: (id: string) => `/api/alerts/silences/${seg(id)}`,
  alertDeliveries: '/api/alerts/deliveries',
  vmMetrics: (vm: string, range: string) => `/api/vms/${seg(vm)}/metrics?range=${seg(range)}`,
  hostMetrics: (range: string) => `/api/host/metrics?range=${seg(range)}`,
  vmUsage: '/api/metrics/vms',
  tokens: '/api/tokens',
} as const;

export interface AuditQuery {
  q?: string;
  outcome?: string;
}

export const AUDIT_PAGE = 100;

/** One page of the audit log: the newest entries matching the query, or those older than `before`. */
export function auditKey(query: AuditQuery, before?: number): string {
  const p = new URLSearchParams({ limit: String(AUDIT_PAGE) });
  const q = query.q?.trim();
  if (q) p.set('q', q);
  if (query.outcome) p.set('outcome', query.outcome);
  if (before) p.set('before', String(before));
  return `/api/audit?${p}`;
}

/** What a mutation makes stale: an exact key, or every key a test accepts (e.g. all of a pool's answers). */
export type Touch = string | ((key: string) => boolean);

/** The key itself and every key below it: `under('/api/storage/pools/p')` covers the pool and its volumes. */
export function under(prefix: string): (key: string) => boolean {
  return (key) => key === prefix || key.startsWith(`${prefix}/`) || key.startsWith(`${prefix}?`);
}

/** Everything cached about one pool (its detail, its volume list) and the list of pools. */
export function poolTouches(pool: string): Touch[] {
  return [under(keys.pool(pool)), keys.pools];
}

/** Everything cached about one user (their sessions) and the list of users, which counts their sessions. */
export function userTouches(id: string): Touch[] {
  return [under(keys.user(id)), keys.users];
}

/** Whether a cache key is made stale by a touch. */
export function touches(touch: Touch, key: string): boolean {
  return typeof touch === 'string' ? touch === key : touch(key);
}
