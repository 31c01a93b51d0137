import { describe, expect, it } from 'vitest';
import { can, lowerRole, permissionsOf, roleAtMost } from './roles';

describe('roles', () => {
  it('lets a viewer read and nothing else', () => {
    expect(can('viewer', 'vm.read')).toBe(true);
    expect(can('viewer', 'vm.lifecycle')).toBe(false);
    expect(can('viewer', 'vm.edit')).toBe(false);
  });
  it('lets an operator run lifecycle and consoles but not edit, delete or manage users', () => {
    expect(can('operator', 'vm.lifecycle')).toBe(true);
    expect(can('operator', 'vm.console')).toBe(true);
    expect(can('operator', 'vm.edit')).toBe(false);
    expect(can('operator', 'vm.create')).toBe(false);
    expect(can('operator', 'vm.delete')).toBe(false);
    expect(can('operator', 'users.manage')).toBe(false);
  });
  it('gives admin everything and unknown roles nothing', () => {
    expect(permissionsOf('admin')).toEqual(expect.arrayContaining(['users.manage', 'audit.read', 'vm.delete', 'vm.edit']));
    expect(permissionsOf('viewer').every((p) => permissionsOf('admin').includes(p))).toBe(true);
    expect(can('root', 'vm.read')).toBe(false);
  });
  it('keeps host networks, storage and volume data to admins', () => {
    for (const role of ['operator', 'viewer']) {
      expect(can(role, 'network.edit')).toBe(false);
      expect(can(role, 'storage.edit')).toBe(false);
      expect(can(role, 'storage.download')).toBe(false);
    }
    expect(can('admin', 'storage.download')).toBe(true);
  });
  it('lets everyone see alerts, operators silence them, and only admins change rules and receivers', () => {
    expect(['admin', 'operator', 'viewer'].every((r) => can(r, 'alerts.read'))).toBe(true);
    expect(can('operator', 'alerts.silence')).toBe(true);
    expect(can('viewer', 'alerts.silence')).toBe(false);
    expect(can('operator', 'alerts.edit')).toBe(false);
    expect(can('admin', 'alerts.edit')).toBe(true);
  });
});

describe('role order', () => {
  it('caps a role by another', () => {
    expect(roleAtMost('viewer', 'admin')).toBe(true);
    expect(roleAtMost('operator', 'operator')).toBe(true);
    expect(roleAtMost('admin', 'operator')).toBe(false);
    expect(roleAtMost('root', 'admin')).toBe(false);
    expect(lowerRole('admin', 'viewer')).toBe('viewer');
    expect(lowerRole('operator', 'admin')).toBe('operator');
    expect(lowerRole('admin', 'gone')).toBe('gone');
  });
});
