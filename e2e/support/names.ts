/**
 * A name of the spec's own for what it makes on the shared libvirtd (a guest, a pool, a network): the prefix says
 * which spec made it, the random tail keeps it apart from other runs and from what a failed run left behind.
 */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}
