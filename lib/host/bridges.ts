import { access, readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';

// The host's own bridges and NICs, read from sysfs. Read-only on purpose: changing host networking from a web
// page can cut the host off its network, so Vireo only lets guests join bridges that already exist.

export interface HostBridge {
  name: string;
  /** Interfaces enslaved to the bridge (physical NICs, bonds, vnetN taps of running guests, …). */
  ports: { name: string; physical: boolean }[];
  operstate: string;
}

export interface HostNic {
  name: string;
  operstate: string;
  mac: string | null;
  /** Enslaved to a bridge: then macvtap on it would bypass the bridge. */
  bridge: string | null;
}

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );
const readTrim = (p: string) =>
  readFile(p, 'utf8').then(
    (s) => s.trim(),
    () => null,
  );

export async function listHostBridges(sysNet = '/sys/class/net'): Promise<HostBridge[]> {
  // sysfs, not project files: keep Next's file tracing from pulling in the whole tree.
  const names = await readdir(/*turbopackIgnore: true*/ sysNet).catch(() => [] as string[]);
  const out: HostBridge[] = [];
  for (const name of names.sort()) {
    if (!(await exists(path.join(sysNet, name, 'bridge')))) continue;
    const ports = await readdir(path.join(sysNet, name, 'brif')).catch(() => [] as string[]);
    out.push({
      name,
      operstate: (await readTrim(path.join(sysNet, name, 'operstate'))) ?? 'unknown',
      ports: await Promise.all(ports.sort().map(async (p) => ({ name: p, physical: await exists(path.join(sysNet, p, 'device')) }))),
    });
  }
  return out;
}

/** Physical NICs (those backed by a device), the candidates for macvtap. */
export async function listHostNics(sysNet = '/sys/class/net'): Promise<HostNic[]> {
  const names = await readdir(/*turbopackIgnore: true*/ sysNet).catch(() => [] as string[]);
  const out: HostNic[] = [];
  for (const name of names.sort()) {
    if (!(await exists(path.join(sysNet, name, 'device')))) continue;
    const master = await readlink(path.join(sysNet, name, 'master')).catch(() => null);
    out.push({
      name,
      operstate: (await readTrim(path.join(sysNet, name, 'operstate'))) ?? 'unknown',
      mac: await readTrim(path.join(sysNet, name, 'address')),
      bridge: master ? path.basename(master) : null,
    });
  }
  return out;
}
