// Snapshot names become parts of file names (external overlays: <vm>-<disk>-<snapshot>.qcow2), so they are kept to
// characters safe in a path and in libvirt's XML alike.

export const SNAPSHOT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const SNAPSHOT_NAME_RULE = 'Use up to 63 letters, digits, dots, dashes or underscores, starting with a letter or digit.';

/** A plain-words problem with a snapshot name, or null when it is fine. */
export function checkSnapshotName(name: unknown): string | null {
  if (typeof name !== 'string' || name === '') return 'Give the snapshot a name.';
  if (name.length > 63 || !SNAPSHOT_NAME.test(name)) return SNAPSHOT_NAME_RULE;
  return null;
}
