import { posix } from 'node:path';

// File paths that become a disk's or CD-ROM's source on the host. libvirt opens them as root, so only plain
// absolute paths are accepted: no relative parts to climb out of an intended folder, no control characters.

export function filePathProblem(p: string): string | null {
  if (typeof p !== 'string' || p.length === 0) return 'The file path is required.';
  if (p.length > 4096) return 'The file path is too long.';
  // eslint-disable-next-line no-control-regex -- finding control characters is what this line is for
  if (/[\u0000-\u001f\u007f]/.test(p)) return 'The file path may not contain control characters.';
  if (!p.startsWith('/')) return 'The file path must be absolute (start with "/").';
  if (p.split('/').includes('..')) return 'The file path may not contain "..".';
  if (p.endsWith('/')) return 'The file path must name a file, not a folder.';
  if (posix.normalize(p) !== p) return 'The file path must be written plainly (no "//" or "/./").';
  if (p.startsWith('/proc/') || p.startsWith('/sys/') || p === '/dev/mem' || p === '/dev/kmem') return 'That path is not a disk image.';
  return null;
}

export function formatFromPath(p: string): 'qcow2' | 'raw' {
  return p.toLowerCase().endsWith('.qcow2') ? 'qcow2' : 'raw';
}
