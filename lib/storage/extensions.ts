import type { VolumeFormat } from './volume-model';

// New volumes are named after their format by default ("disk" in qcow2 becomes "disk.qcow2"), so a file in the pool
// says what it holds; a name that already ends in that format's extension, or in another one (".iso"), is kept.

const EXTENSIONS: Record<VolumeFormat, readonly string[]> = { qcow2: ['.qcow2'], raw: ['.img', '.raw'] };
const ALL = Object.values(EXTENSIONS).flat();

export function withFormatExtension(name: string, format: VolumeFormat): string {
  const n = name.trim();
  if (!n) return n;
  const lower = n.toLowerCase();
  if (EXTENSIONS[format].some((e) => lower.endsWith(e))) return n;
  const other = ALL.find((e) => lower.endsWith(e));
  if (other) return n.slice(0, -other.length) + EXTENSIONS[format][0]!;
  if (/\.[A-Za-z0-9]{2,5}$/.test(n)) return n;
  return n + EXTENSIONS[format][0]!;
}
