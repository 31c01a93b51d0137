// Every resource the browser caches is keyed by the URL it is read from, so a key names exactly one API answer
// and a mutation can say which answers it makes stale.

const seg = encodeURIComponent;

/** Where a host's API lives: /api/hosts/{host}. Host-scoped keys take the host first. */
const api = (host: string) => `/api/hosts/${seg(host)}`;

export const keys = {
  status: '/api/status',
  vms: (host: string) => `${api(host)}/vms`,
  vm: (host: string, name: string) => `${api(host)}/vms/${seg(name)}`,
  vmTags: (host: string, name: string) => `${api(host)}/vms/${seg(name)}/tags`,
  vmsBulk: (host: string) => `${api(host)}/vms/bulk`,
  deletePlan: (host: string, name: string) => `${api(host)}/vms/${seg(name)}/delete-plan`,
  hardware: (host: string, vm: string) => `${api(host)}/vms/${seg(vm)}/hardware`,
  networks: (host: string) => `${api(host)}/networks`,
  network: (host: string, name: string) => `${api(host)}/networks/${seg(name)}`,
  leases: (host: string, network: string) => `${api(host)}/networks/${seg(network)}/leases`,
  pools: (host: string) => `${api(host)}/storage/pools`,
  pool: (host: string, name: string) => `${api(host)}/storage/pools/${seg(name)}`,
  volumes: (host: string, pool: string) => `${api(host)}/storage/pools/${seg(pool)}/volumes`,
  provisioning: (host: string, what: 'check' | 'plan') => `${api(host)}/provisioning/${what}`,
  osVariants: (host: string, q: string) => `${api(host)}/provisioning/os-variants?q=${seg(q.trim())}`,
  consoleTickets: (host: string) => `${api(host)}/consoles/tickets`,
  migration: (host: string, vm: string) => `${api(host)}/vms/${seg(vm)}/migration`,
  migrationPrecheck: (host: string, vm: string) => `${api(host)}/vms/${seg(vm)}/migration/precheck`,
  backups: (host: string, vm: string) => `${api(host)}/vms/${seg(vm)}/backups`,
  backupSchedules: (host: string) => `${api(host)}/backups/schedules`,
  snapshots: (host: string, vm: string) => `${api(host)}/vms/${seg(vm)}/snapshots`,
  jobs: '/api/jobs',
  job: (id: string) => `/api/jobs/${seg(id)}`,
  users: '/api/users',
  user: (id: string) => `/api/users/${seg(id)}`,
  userSessions: (id: string) => `/api/users/${seg(id)}/sessions`,
  hosts: '/api/hosts',
  /** Every host's VMs, fed by /api/inventory/events. */
  inventory: '/api/inventory',
  host: (id: string) => `/api/hosts/${seg(id)}`,
  alerts: '/api/alerts',
  alertRules: '/api/alerts/rules',
  alertRule: (id: string) => `/api/alerts/rules/${seg(id)}`,
  alertReceivers: '/api/alerts/receivers',
  alertReceiver: (id: string) => `/api/alerts/receivers/${seg(id)}`,
  alertSilences: '/api/alerts/silences',
  alertSilence: (id: string) => `/api/alerts/silences/${seg(id)}`,
  alertDeliveries: '/api/alerts/deliveries',
  vmMetrics: (host: string, vm: string, range: string) => `${api(host)}/vms/${seg(vm)}/metrics?range=${seg(range)}`,
  hostMetrics: (host: string, range: string) => `${api(host)}/metrics?range=${seg(range)}`,
  vmUsage: (host: string) => `${api(host)}/metrics/vms`,
  /** What the running VMs of every host use now, host by host. */
  inventoryUsage: '/api/inventory/usage',
  /** Which hosts can take a new VM (asked with the VM's size in a POST body). */
  placement: '/api/placement',
  tokens: '/api/tokens',
} as const;

/** A page of one host: hostPage('h1', '/vms/web') is /hosts/h1/vms/web. */
export function hostPage(host: string, path = ''): string {
  return `/hosts/${seg(host)}${path}`;
}

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
export function poolTouches(host: string, pool: string): Touch[] {
  return [under(keys.pool(host, pool)), keys.pools(host)];
}

/** Everything cached about one user (their sessions) and the list of users, which counts their sessions. */
export function userTouches(id: string): Touch[] {
  return [under(keys.user(id)), keys.users];
}

/** Whether a cache key is made stale by a touch. */
export function touches(touch: Touch, key: string): boolean {
  return typeof touch === 'string' ? touch === key : touch(key);
}
