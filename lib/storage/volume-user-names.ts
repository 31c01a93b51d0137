// Who uses a volume, as plain data and words: shared by the server (lib/storage/volume-users.ts) and the pages.

export type VolumeUser =
  | { kind: 'vm'; name: string; running: boolean; targets: string[] }
  | { kind: 'overlay'; pool: string; volume: string; path: string | null };

/** How an admin names a user when confirming a delete or wipe: the VM's name, or pool/volume for an overlay. */
export function userLabel(u: VolumeUser): string {
  return u.kind === 'vm' ? u.name : `${u.pool}/${u.volume}`;
}

/** "VM web1 (running) as vda" or "overlay default/web1.qcow2". */
export function describeUser(u: VolumeUser): string {
  if (u.kind === 'overlay') return `overlay ${u.pool}/${u.volume}`;
  return `VM ${u.name}${u.running ? ' (running)' : ''}${u.targets.length ? ` as ${u.targets.join(', ')}` : ''}`;
}
