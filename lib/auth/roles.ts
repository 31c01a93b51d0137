// The one place that says who may do what. Route handlers and pages ask `can()`; the UI only mirrors it.

export const ROLES = ['admin', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | 'host.read'
  | 'vm.read'
  | 'vm.lifecycle'
  | 'vm.console'
  | 'vm.create'
  | 'vm.edit'
  | 'vm.delete'
  | 'audit.read'
  | 'users.manage'
  | 'host.terminal';

const grants: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>(['host.read', 'vm.read', 'vm.lifecycle', 'vm.console', 'vm.create', 'vm.edit', 'vm.delete', 'audit.read', 'users.manage', 'host.terminal']),
  operator: new Set<Permission>(['host.read', 'vm.read', 'vm.lifecycle', 'vm.console']),
  viewer: new Set<Permission>(['host.read', 'vm.read']),
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
