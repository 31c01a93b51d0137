import { describe, expect, it } from 'vitest';
import { loadAddon } from './addon';
import { KvmError, kvmErrorFromAddon, plainReason } from './errors';

describe('KvmError', () => {
  it('carries errno, code, syscall and a plain reason', () => {
    const e = new KvmError({ code: 'ENOENT', errno: 2, syscall: 'open', devicePath: '/dev/kvm', detail: 'No such file or directory' });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'KvmError', code: 'ENOENT', errno: 2, syscall: 'open', devicePath: '/dev/kvm' });
    expect(e.reason).toBe('/dev/kvm does not exist: KVM module not loaded or virtualization disabled in BIOS');
    expect(e.message).toBe(`${e.reason} (open: No such file or directory)`);
  });

  it('names the injected path and the failing ioctl', () => {
    expect(plainReason('EACCES', '/dev/kvm')).toBe('no permission to open /dev/kvm: add the user running Vireo to the kvm group');
    expect(plainReason('ENOTTY', '/tmp/x', 'ioctl(KVM_GET_API_VERSION)')).toBe(
      '/tmp/x is not a KVM device: it does not answer KVM ioctls (ioctl(KVM_GET_API_VERSION))',
    );
    expect(plainReason('EIO', '/dev/kvm', 'ioctl(KVM_CREATE_VM)')).toBe('ioctl(KVM_CREATE_VM) on /dev/kvm failed with EIO');
  });

  it('turns an addon that cannot be loaded into ADDON_NOT_BUILT', () => {
    const err = (() => {
      try {
        loadAddon('/nonexistent/vireo_kvm.node');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(KvmError);
    expect(err).toMatchObject({ code: 'ADDON_NOT_BUILT', syscall: 'dlopen', devicePath: '/nonexistent/vireo_kvm.node' });
    expect((err as KvmError).reason).toMatch(/npm run build:native/);
  });
});

describe('kvmErrorFromAddon', () => {
  it('wraps the addon rejection shape', () => {
    const raw = Object.assign(new Error('open: Permission denied'), { errno: 13, code: 'EACCES', syscall: 'open', path: '/dev/kvm' });
    const e = kvmErrorFromAddon(raw, '/dev/kvm');
    expect(e).toBeInstanceOf(KvmError);
    expect(e).toMatchObject({ code: 'EACCES', errno: 13, syscall: 'open', detail: 'Permission denied', cause: raw });
  });

  it('passes through errors that are not kernel answers', () => {
    const bug = new RangeError('bug');
    expect(kvmErrorFromAddon(bug, '/dev/kvm')).toBe(bug);
  });
});
