// The order libvirt formats elements in (domain_conf.c), used for the elements a model creates so that a new
// definition reads like one libvirt wrote. Existing elements are never moved.

export const DOMAIN_ORDER = [
  'name', 'uuid', 'genid', 'title', 'description', 'metadata', 'maxMemory', 'memory', 'currentMemory', 'blkiotune', 'memtune',
  'memoryBacking', 'vcpu', 'vcpus', 'iothreads', 'iothreadids', 'cputune', 'numatune', 'resource', 'sysinfo', 'bootloader',
  'bootloader_args', 'os', 'idmap', 'features', 'cpu', 'clock', 'on_poweroff', 'on_reboot', 'on_crash', 'on_lockfailure', 'pm',
  'perf', 'devices', 'seclabel', 'keywrap', 'launchSecurity',
] as const;

export const DEVICES_ORDER = [
  'emulator', 'disk', 'controller', 'lease', 'filesystem', 'interface', 'smartcard', 'serial', 'parallel', 'console', 'channel',
  'input', 'tpm', 'graphics', 'sound', 'audio', 'video', 'hostdev', 'redirdev', 'redirfilter', 'hub', 'watchdog', 'memballoon',
  'rng', 'panic', 'shmem', 'memory', 'iommu', 'vsock',
] as const;

/** What every device ends with: its boot order, alias and guest address. */
export const DEVICE_INFO_ORDER = ['boot', 'alias', 'address', 'rom'] as const;
