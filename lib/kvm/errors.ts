/** Why the KVM probe could not run, in words an administrator can act on. */
export type KvmErrorCode =
  | 'ENOENT'
  | 'EACCES'
  | 'EPERM'
  | 'ENOTTY'
  | 'ENXIO'
  | 'ENODEV'
  | 'EISDIR'
  | 'EBUSY'
  | 'ENOMEM'
  | 'KVM_API_VERSION' // the kernel speaks a KVM API other than 12
  | 'ADDON_NOT_BUILT' // native/build/Release/vireo_kvm.node is missing or does not load
  | (string & {}); // any other errno name the kernel returns

export interface KvmErrorInit {
  code: KvmErrorCode;
  /** Positive errno, or 0 when the failure is not a system call error. */
  errno: number;
  /** The failing call, e.g. "open" or "ioctl(KVM_GET_API_VERSION)". */
  syscall: string;
  devicePath: string;
  /** The system's own message (strerror) or the loader's. */
  detail: string;
  cause?: unknown;
}

/** The KVM device could not be probed. `reason` says why in plain words. */
export class KvmError extends Error {
  override name = 'KvmError';
  readonly code: KvmErrorCode;
  readonly errno: number;
  readonly syscall: string;
  readonly devicePath: string;
  readonly detail: string;
  readonly reason: string;

  constructor(init: KvmErrorInit) {
    const reason = plainReason(init.code, init.devicePath, init.syscall);
    super(`${reason} (${init.syscall}: ${init.detail})`, { cause: init.cause });
    this.code = init.code;
    this.errno = init.errno;
    this.syscall = init.syscall;
    this.devicePath = init.devicePath;
    this.detail = init.detail;
    this.reason = reason;
  }
}

/** Plain-words reason for an error code; the wording names the likely cause, not the syscall. */
export function plainReason(code: KvmErrorCode, devicePath: string, syscall = 'open'): string {
  switch (code) {
    case 'ENOENT':
      return `${devicePath} does not exist: KVM module not loaded or virtualization disabled in BIOS`;
    case 'EACCES':
    case 'EPERM':
      return `no permission to open ${devicePath}: add the user running Vireo to the kvm group`;
    case 'ENOTTY':
      return `${devicePath} is not a KVM device: it does not answer KVM ioctls (${syscall})`;
    case 'ENXIO':
    case 'ENODEV':
      return `${devicePath} exists but no KVM driver is behind it: load kvm_intel or kvm_amd`;
    case 'EISDIR':
      return `${devicePath} is a directory, not the KVM device`;
    case 'EBUSY':
      return `KVM is busy or another hypervisor holds the virtualization extensions (${syscall})`;
    case 'ENOMEM':
      return `the kernel ran out of memory while answering ${syscall}`;
    case 'KVM_API_VERSION':
      return 'the kernel speaks a KVM API version other than 12: the kernel is too old or too unusual';
    case 'ADDON_NOT_BUILT':
      return 'the KVM addon is not built: run `npm run build:native` (needs g++, make and python3)';
    default:
      return `${syscall} on ${devicePath} failed with ${code}`;
  }
}

/** The fix an administrator applies, per code; used by the readiness page. */
export function fixFor(code: KvmErrorCode): string {
  switch (code) {
    case 'ENOENT':
      return 'Enable VT-x/AMD-V in the firmware settings, then `modprobe kvm_intel` or `modprobe kvm_amd`.';
    case 'EACCES':
    case 'EPERM':
      return 'Run `usermod -aG kvm <user>` for the user running Vireo, then restart Vireo.';
    case 'ENXIO':
    case 'ENODEV':
      return 'Load the vendor module: `modprobe kvm_intel` or `modprobe kvm_amd`; check `dmesg` for why it refused.';
    case 'ENOTTY':
    case 'EISDIR':
      return 'Point Vireo at the real KVM character device, normally /dev/kvm (major 10, minor 232).';
    case 'KVM_API_VERSION':
      return 'Upgrade to a supported Linux kernel.';
    case 'ADDON_NOT_BUILT':
      return 'Install build tools (`apt-get install g++ make python3`) and run `npm run build:native`.';
    default:
      return 'Check `dmesg` for KVM messages and that no other hypervisor (VirtualBox, VMware) is running.';
  }
}

/**
 * Wraps the addon's rejection ({ errno, code, syscall, message }) in a KvmError. Anything else
 * (a bug, not a kernel answer) is returned unchanged.
 */
export function kvmErrorFromAddon(err: unknown, devicePath: string): unknown {
  const e = err as { errno?: unknown; code?: unknown; syscall?: unknown; message?: unknown } | null;
  if (typeof e?.code !== 'string' || typeof e.syscall !== 'string') return err;
  const message = typeof e.message === 'string' ? e.message : e.code;
  const detail = message.startsWith(`${e.syscall}: `) ? message.slice(e.syscall.length + 2) : message;
  const errno = typeof e.errno === 'number' ? e.errno : 0;
  return new KvmError({ code: e.code, errno, syscall: e.syscall, devicePath, detail, cause: err });
}
