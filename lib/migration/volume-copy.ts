import 'server-only';
import { createHash } from 'node:crypto';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LibvirtClient, VolumeRef } from '@/lib/libvirt';
import { buildVolumeXml, parseVolumeXml, type VolumeFormat } from '@/lib/storage/volume-model';
import type { SubjectDisk } from './subject';

// The destination's copies of a VM's volumes: made through the storage API (same pool name, volume name, format
// and size) before anything is sent, filled by libvirt (live: QEMU's disk mirror) or by Vireo through libvirt's
// download and upload streams (offline), and checked by reading them back.

export interface DestVolume {
  disk: SubjectDisk;
  ref: VolumeRef;
  /** Where the copy lives on the destination (the disk's new source path). */
  path: string;
}

/** Makes an empty volume on the destination for each disk; on failure removes those it made, then throws. */
export async function createDestVolumes(dst: LibvirtClient, disks: SubjectDisk[]): Promise<DestVolume[]> {
  const made: DestVolume[] = [];
  try {
    for (const disk of disks) {
      const v = disk.volume!;
      const pool = await dst.pools.lookupByName(v.pool);
      const ref = await dst.volumes.createXml(pool, buildVolumeXml({ name: v.name, capacity: v.capacity, format: v.format as VolumeFormat }));
      const path = parseVolumeXml(await dst.volumes.xml(ref)).path ?? ref.key;
      made.push({ disk, ref, path });
    }
    return made;
  } catch (err) {
    await removeVolumes(dst, made);
    throw err;
  }
}

export async function removeVolumes(dst: LibvirtClient, vols: readonly DestVolume[]): Promise<void> {
  for (const v of vols) await dst.volumes.delete(v.ref).catch(() => undefined);
}

/** Counts and hashes the bytes passing through. */
class Tally extends Transform {
  bytes = 0;
  private readonly hash = createHash('sha256');
  constructor(private readonly onBytes: (n: number) => void = () => undefined) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null, data?: Buffer) => void): void {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    this.onBytes(this.bytes);
    done(null, chunk);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

/** Streams one volume into another (each on its own connection); resolves with the SHA-256 of what was sent. */
export async function streamVolume(
  src: LibvirtClient,
  from: VolumeRef,
  dst: LibvirtClient,
  to: VolumeRef,
  onBytes: (n: number) => void,
  signal?: AbortSignal,
): Promise<{ sha256: string; bytes: number }> {
  const tally = new Tally(onBytes);
  await pipeline(await src.volumes.download(from), tally, await dst.volumes.upload(to), { signal });
  return { sha256: tally.digest(), bytes: tally.bytes };
}

/** SHA-256 of a volume's bytes as libvirt reads them back. */
export async function volumeChecksum(client: LibvirtClient, ref: VolumeRef, signal?: AbortSignal): Promise<{ sha256: string; bytes: number }> {
  const tally = new Tally();
  await pipeline(await client.volumes.download(ref), tally, new Writable({ write: (_c, _e, done) => done() }), { signal });
  return { sha256: tally.digest(), bytes: tally.bytes };
}
