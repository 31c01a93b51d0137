import type { LibvirtClient, VolumeRef } from '@/lib/libvirt';
import { buildIso } from '@/lib/iso9660/writer';
import { buildVolumeXml } from '@/lib/storage/volume-model';
import { nameProblem } from '@/lib/storage/names';
import { InputError } from '@/lib/errors';
import type { SeedFiles } from './seed';

/** NoCloud finds its seed by this filesystem label. */
export const SEED_LABEL = 'cidata';

export function buildSeedIso(files: SeedFiles, date?: Date): Buffer {
  return buildIso({
    volumeId: SEED_LABEL,
    date,
    files: Object.entries(files)
      .filter(([, v]) => v !== undefined)
      .map(([name, text]) => ({ name, data: Buffer.from(text as string, 'utf8') })),
  });
}

/**
 * Writes the seed ISO into `pool` as a raw volume named `name`, through libvirt's volume upload stream (so it works
 * the same on a remote host). An existing volume of that name is refused; a failed upload leaves nothing behind.
 */
export async function uploadSeed(client: LibvirtClient, poolName: string, name: string, files: SeedFiles): Promise<VolumeRef> {
  const problem = nameProblem('pool', poolName) ?? nameProblem('volume', name);
  if (problem) throw InputError.of({ name: problem });
  const iso = buildSeedIso(files);
  const pool = await client.pools.lookupByName(poolName);
  if (await client.volumes.lookupByName(pool, name).catch(() => null))
    throw InputError.of({ name: `A volume named "${name}" already exists in pool "${poolName}".` }, undefined, { status: 409 });
  const vol = await client.volumes.createXml(pool, buildVolumeXml({ name, capacity: iso.length, format: 'raw' }));
  try {
    const up = await client.volumes.upload(vol, 0, iso.length);
    await new Promise<void>((resolve, reject) => {
      up.once('error', reject);
      up.once('finish', resolve);
      up.end(iso);
    });
    return vol;
  } catch (err) {
    await client.volumes.delete(vol).catch(() => undefined);
    throw err;
  }
}
