// The guest fixture for tests: a Debian cloud kernel plus a busybox initramfs (built by
// scripts/build-fixtures.sh) booted directly under TCG, with its console on a serial pty.
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { XMLBuilder } from 'fast-xml-parser';

const run = promisify(execFile);

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Where libvirt's qemu (user libvirt-qemu) can read the files; overridable for odd hosts. */
export const fixtureDir = process.env.VIREO_FIXTURE_DIR ?? '/var/lib/libvirt/images/vireo-fixtures';

/** Line the guest prints on ttyS0 once userspace is up; followed by ` hostname=<name>`. */
export const bootBanner = 'VIREO-FIXTURE-BOOTED';

/** Shell prompt on ttyS0 after the banner. */
export const shellPrompt = 'vireo# ';

/** A tiny bootable "cloud image" (qcow2): its init reads the NoCloud seed and prints cloudInitBanner. */
export const cloudImagePath = `${fixtureDir}/cloud.qcow2`;
/** `VIREO-CLOUD-INIT hostname=<h> user=<u>` (or `VIREO-CLOUD-INIT no-seed`) on ttyS0. */
export const cloudInitBanner = 'VIREO-CLOUD-INIT';
/** A bootable installer ISO (isolinux): prints installerBanner, then `VIREO-INSTALLER-DISKS <devices>`. */
export const installerIsoPath = `${fixtureDir}/installer.iso`;
export const installerBanner = 'VIREO-INSTALLER-BOOTED';

/** A file's SHA-256 (hex) and size in bytes: what a download of it must deliver. */
export interface FileDigest {
  sha256: string;
  bytes: number;
}

/** Reads the file whole: meant for the fixtures and their copies, a few MiB each. */
export async function fileDigest(path: string): Promise<FileDigest> {
  const content = await readFile(path);
  return { sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length };
}

export interface FixturePaths {
  kernel: string;
  initrd: string;
  /** Base kernel cmdline; tcgGuestXml appends `vireo.hostname=<name>`. */
  cmdline: string;
}

export function fixturePaths(): FixturePaths {
  return {
    kernel: `${fixtureDir}/vmlinuz`,
    initrd: `${fixtureDir}/initrd.gz`,
    cmdline: 'console=ttyS0 quiet',
  };
}

/** Builds or refreshes the fixture; a no-op taking a few milliseconds when up to date. */
export async function ensureFixtures(): Promise<FixturePaths> {
  await run('bash', [`${repoRoot}scripts/build-fixtures.sh`], {
    env: { ...process.env, VIREO_FIXTURE_DIR: fixtureDir },
    timeout: 120_000,
  });
  return fixturePaths();
}

export interface TcgGuestOptions {
  name: string;
  uuid?: string;
  memoryMiB?: number;
  vcpus?: number;
  /** Image attached as vda on virtio; qcow2 when the name ends in .qcow2, raw otherwise. */
  withDisk?: string;
  /** libvirt network name for one virtio NIC (e.g. "default" or an isolated test network). */
  network?: string;
  /** Adds a VGA card and a VNC server on 127.0.0.1 with an automatic port. */
  vga?: boolean;
}

// Kernel cmdline arguments are space-separated and unquoted, so only pass safe hostnames.
const hostnamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

export function guestCmdline(name: string): string {
  const base = fixturePaths().cmdline;
  return hostnamePattern.test(name) ? `${base} vireo.hostname=${name}` : base;
}

export function tcgGuestXml(opts: TcgGuestOptions): string {
  const paths = fixturePaths();
  const devices: Record<string, unknown> = {};
  if (opts.withDisk) {
    devices.disk = {
      '@_type': 'file',
      '@_device': 'disk',
      driver: { '@_name': 'qemu', '@_type': opts.withDisk.endsWith('.qcow2') ? 'qcow2' : 'raw' },
      source: { '@_file': opts.withDisk },
      target: { '@_dev': 'vda', '@_bus': 'virtio' },
    };
  }
  if (opts.network) {
    devices.interface = {
      '@_type': 'network',
      source: { '@_network': opts.network },
      model: { '@_type': 'virtio' },
    };
  }
  devices.serial = { '@_type': 'pty', target: { '@_port': '0' } };
  devices.console = { '@_type': 'pty', target: { '@_type': 'serial', '@_port': '0' } };
  if (opts.vga) {
    devices.graphics = { '@_type': 'vnc', '@_port': '-1', '@_autoport': 'yes', '@_listen': '127.0.0.1' };
    devices.video = { model: { '@_type': 'vga' } };
  }
  devices.memballoon = { '@_model': 'virtio' };

  const memoryMiB = String(opts.memoryMiB ?? 192);
  const domain = {
    domain: {
      '@_type': 'qemu',
      name: opts.name,
      uuid: opts.uuid ?? randomUUID(),
      memory: { '@_unit': 'MiB', '#text': memoryMiB },
      currentMemory: { '@_unit': 'MiB', '#text': memoryMiB },
      vcpu: String(opts.vcpus ?? 1),
      os: {
        // i440fx: ACPI PCI hotplug works without adding root ports, which q35 would need.
        type: { '@_arch': 'x86_64', '@_machine': 'pc', '#text': 'hvm' },
        kernel: paths.kernel,
        initrd: paths.initrd,
        cmdline: guestCmdline(opts.name),
      },
      // ACPI lets `virsh shutdown` reach the guest's power button handler.
      features: { acpi: '', apic: '' },
      clock: { '@_offset': 'utc' },
      on_poweroff: 'destroy',
      on_reboot: 'restart',
      on_crash: 'destroy',
      devices,
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    suppressEmptyNode: true,
  });
  return builder.build(domain);
}

/**
 * A guest that boots from the disks it is given, the way the wizard's VMs do (q35, SeaBIOS, TCG, 256 MiB), with its
 * console on a serial pty. `devices` holds the disks and whatever else the test needs (controllers, a NIC).
 */
export function diskBootGuestXml(name: string, devices: Record<string, unknown>): string {
  const domain = {
    domain: {
      '@_type': 'qemu',
      name,
      uuid: randomUUID(),
      memory: { '@_unit': 'MiB', '#text': '256' },
      vcpu: '1',
      os: { type: { '@_arch': 'x86_64', '@_machine': 'q35', '#text': 'hvm' } },
      features: { acpi: '', apic: '' },
      on_poweroff: 'destroy',
      devices: {
        ...devices,
        serial: { '@_type': 'pty', target: { '@_port': '0' } },
        console: { '@_type': 'pty', target: { '@_type': 'serial', '@_port': '0' } },
      },
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true }).build(domain);
}
