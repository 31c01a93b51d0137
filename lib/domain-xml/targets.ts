import type { DiskBus } from './constants';

// Disk target names (vda, sdb, hdc): the prefix follows the bus, and a name must be free in BOTH the live and the
// persistent definition, or a later "both" change would collide in one of them.

export function targetPrefix(bus: string): 'vd' | 'sd' | 'hd' {
  if (bus === 'virtio') return 'vd';
  if (bus === 'ide') return 'hd';
  return 'sd';
}

/** 0 → a, 25 → z, 26 → aa (libvirt's own numbering). */
export function targetSuffix(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    n -= 1;
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s;
}

const TARGET_RE = /^(vd|sd|hd)([a-z]{1,3})$/;

/** IDE has two channels with two units each. */
const MAX_PER_BUS: Record<string, number> = { ide: 4 };

export function pickTarget(bus: DiskBus | (string & {}), used: Iterable<string>): string | null {
  const taken = new Set(used);
  const prefix = targetPrefix(bus);
  const limit = MAX_PER_BUS[bus] ?? 26 * 27;
  for (let i = 0; i < limit; i++) {
    const name = prefix + targetSuffix(i);
    if (!taken.has(name)) return name;
  }
  return null;
}

/** Why a user-chosen target is not acceptable for the bus, or null. */
export function targetProblem(target: string, bus: string, used: Iterable<string>): string | null {
  const m = TARGET_RE.exec(target);
  if (!m) return `"${target}" is not a disk name: use a name like vdb, sdb or hdc.`;
  const prefix = targetPrefix(bus);
  if (m[1] !== prefix) return `A ${bus} disk is named ${prefix}…, not "${target}".`;
  if (bus === 'ide' && !['a', 'b', 'c', 'd'].includes(m[2]!)) return 'IDE has only hda to hdd.';
  if (new Set(used).has(target)) return `The disk name ${target} is already used by this VM.`;
  return null;
}
