import { randomBytes } from 'node:crypto';
import type { LibvirtClient } from '@/lib/libvirt';
import { everyDefinition } from '@/lib/vms/every-definition';

// MAC addresses for new interfaces: QEMU's locally administered 52:54:00 prefix, unique among every domain's
// interfaces on this host (live and persistent definitions), since two guests on one bridge with the same MAC
// break each other's networking.

const MAC_RE = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

export function normalizeMac(mac: string): string {
  return mac.trim().toLowerCase().replace(/-/g, ':');
}

export function macProblem(mac: string): string | null {
  const m = normalizeMac(mac);
  if (!MAC_RE.test(m)) return `"${mac}" is not a MAC address (six pairs of hex digits, e.g. 52:54:00:12:34:56).`;
  const first = parseInt(m.slice(0, 2), 16);
  if (first & 1) return 'That is a multicast MAC address; a network card needs a unicast one (even first byte).';
  if (m === '00:00:00:00:00:00') return 'The all-zero MAC address is not valid.';
  if (m.startsWith('fe:')) return 'MAC addresses starting with fe: are reserved by libvirt for host-side tap devices.';
  return null;
}

export async function macsInUse(client: LibvirtClient): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const dom of await everyDefinition(client)) {
    for (const def of dom.definitions) for (const n of def.interfaces) if (n.mac) owners.set(n.mac.toLowerCase(), dom.name);
  }
  return owners;
}

export function randomMac(taken: { has(mac: string): boolean }): string {
  for (let i = 0; i < 1000; i++) {
    const b = randomBytes(3);
    const mac = `52:54:00:${[...b].map((x) => x.toString(16).padStart(2, '0')).join(':')}`;
    if (!taken.has(mac)) return mac;
  }
  throw new Error('Could not find a free MAC address.');
}
