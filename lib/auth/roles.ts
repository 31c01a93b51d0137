// The one place that says who may do what. Routes declare the permission they need; pages and the UI ask `can()`
// to show only what a role may do; nothing else compares role names.

export const ROLES = ['admin', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Each permission with the words that finish "Your role does not allow you to ...". */
export const PERMISSIONS = {
  'host.read': 'see the host',
  'vm.read': 'see virtual machines',
  'vm.lifecycle': 'start, stop or pause virtual machines',
  'vm.console': 'open consoles',
  'vm.create': 'create virtual machines',
  'vm.edit': 'change virtual machine definitions',
  'vm.delete': 'delete virtual machines',
  'vm.migrate': 'move virtual machines between hosts',
  'vm.snapshot': 'take, revert or delete snapshots',
  'network.edit': 'change host networks',
  'storage.edit': 'change storage pools or volumes',
  'storage.download': "read a volume's data",
  'backup.run': 'back up or verify virtual machines',
  'backup.restore': 'restore virtual machines from backups',
  'backup.manage': 'manage backup schedules or delete backups',
  'audit.read': 'read the audit log',
  'users.manage': 'manage users',
  'hosts.manage': 'add, change or remove hosts',
  'host.terminal': 'open a shell on the host',
  'alerts.read': 'see alerts',
  'alerts.silence': 'silence alerts',
  'alerts.edit': 'change alert rules and receivers',
} as const;

export type Permission = keyof typeof PERMISSIONS;

const ALL = Object.keys(PERMISSIONS) as Permission[];

const grants: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>(ALL),
  operator: new Set<Permission>(['host.read', 'vm.read', 'vm.lifecycle', 'vm.console', 'vm.snapshot', 'alerts.read', 'alerts.silence', 'backup.run']),
  viewer: new Set<Permission>(['host.read', 'vm.read', 'alerts.read']),
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: string, permission: Permission): boolean {
  return isRole(role) && grants[role].has(permission);
}

export function permissionsOf(role: string): Permission[] {
  return isRole(role) ? [...grants[role]] : [];
}

/** "Your role does not allow you to ..." for a permission. */
export function deniedMessage(permission: Permission): string {
  return `Your role does not allow you to ${PERMISSIONS[permission]}.`;
}

/** Roles from most to least powerful: each one's permissions include those of every role after it. */
const RANK: Readonly<Record<Role, number>> = { admin: 3, operator: 2, viewer: 1 };

/** Whether `role` grants nothing `than` does not (e.g. a token's role against its user's). */
export function roleAtMost(role: string, than: string): boolean {
  return isRole(role) && isRole(than) && RANK[role] <= RANK[than];
}

/** The less powerful of two roles; an unknown role is the least (it grants nothing). */
export function lowerRole(a: string, b: string): string {
  if (!isRole(a)) return a;
  if (!isRole(b)) return b;
  return RANK[a] <= RANK[b] ? a : b;
}
