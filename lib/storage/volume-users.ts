import type { LibvirtClient } from '@/lib/libvirt';
import { ConflictError } from '@/lib/errors';
import { everyDefinition } from '@/lib/vms/every-definition';
import { parseVolumeXml } from './volume-model';
import { describeUser, userLabel, type VolumeUser } from './volume-user-names';

export type { VolumeUser } from './volume-user-names';

// What uses a volume: VMs whose disks read it (persistent or live definition) and qcow2 overlays whose backing
// file it is. Deleting or wiping such a volume breaks them (a running VM keeps writing to a deleted file and
// does not start again; an overlay loses every block it never wrote), so both are refused unless the admin
// confirms with the users named.

export interface VolumeIdentity {
  pool: string;
  name: string;
  path: string | null;
}

export interface VolumeUsage {
  usersOf(v: VolumeIdentity): VolumeUser[];
}

interface Overlay {
  pool: string;
  volume: string;
  path: string | null;
  backingPath: string;
}

/** Reads every domain's definitions and every volume's backing file once; then answers for any volume. */
export async function volumeUsage(client: LibvirtClient): Promise<VolumeUsage> {
  const [domains, overlays] = await Promise.all([everyDefinition(client), overlaysOf(client)]);
  return {
    usersOf(v) {
      const users: VolumeUser[] = [];
      for (const dom of domains) {
        const disks = dom.definitions.flatMap((d) => d.disks).filter((d) => d.usesImage({ pool: v.pool, volume: v.name, path: v.path }));
        if (!disks.length) continue;
        const targets = [...new Set(disks.map((d) => d.target).filter((t): t is string => t !== null))].sort();
        users.push({ kind: 'vm', name: dom.name, running: dom.running, targets });
      }
      if (v.path) {
        for (const o of overlays) {
          if (o.backingPath === v.path && o.path !== v.path) users.push({ kind: 'overlay', pool: o.pool, volume: o.volume, path: o.path });
        }
      }
      return users.sort((a, b) => userLabel(a).localeCompare(userLabel(b)));
    },
  };
}

async function overlaysOf(client: LibvirtClient): Promise<Overlay[]> {
  const pools = await client.pools.listAll().catch(() => []);
  const perPool = await Promise.all(
    pools.map(async (pool) => {
      if (!(await client.pools.isActive(pool).catch(() => false))) return [];
      const vols = await client.volumes.list(pool).catch(() => []);
      const models = await Promise.all(vols.map((v) => client.volumes.xml(v).then(parseVolumeXml, () => null)));
      return models.flatMap((m): Overlay[] => (m?.backingPath ? [{ pool: pool.name, volume: m.name, path: m.path, backingPath: m.backingPath }] : []));
    }),
  );
  return perPool.flat();
}

/**
 * Refuses to delete or wipe a volume something uses, unless `confirmed` names every one of its users (as
 * userLabel does): a user added since the admin looked is refused again.
 */
export function refuseUnconfirmed(v: VolumeIdentity, users: VolumeUser[], confirmed: readonly string[], verb: 'delete' | 'wipe'): void {
  const unconfirmed = users.filter((u) => !confirmed.includes(userLabel(u)));
  if (!unconfirmed.length) return;
  const what = verb === 'delete' ? 'Deleting it leaves them pointing at a file that is gone' : 'Wiping it destroys the data they read';
  throw new ConflictError(
    `Volume "${v.pool}/${v.name}" is in use by ${users.map(describeUser).join('; ')}. ${what}. ` +
      `To ${verb} it anyway, confirm with the names of its users: ${users.map(userLabel).join(', ')}.`,
    { code: 'volume-in-use', details: { volume: `${v.pool}/${v.name}`, users, confirm: users.map(userLabel) } },
  );
}
