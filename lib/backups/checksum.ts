import { createHash, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import type { HostContext } from '@/lib/hosts';
import type { VolumeRef } from '@/lib/libvirt';
import { parseVolumeXml, volumeFileStamp } from '@/lib/storage/volume-model';

// A volume's sha256: the bytes libvirt's download stream gives for it. Where the volume is a file on this machine,
// the file is read directly: the same bytes, without the daemon's helper process, a pipe and the RPC framing in
// between (on a local backup that was most of the time of its "record" step). Only a file libvirt describes exactly
// (size and change times to the nanosecond, before and after the read) counts: a daemon in another mount namespace
// may name a path that here is a different file, or none. Anything else is read through libvirt, on a connection of
// its own (so it works on a remote host and never holds up the connection pages use).

const READ_CHUNK = 4 * 1024 * 1024;

export async function volumeSha256(host: HostContext, vol: VolumeRef, signal?: AbortSignal): Promise<string> {
  const local = host.local ? await localSha256(host, vol, signal) : null;
  return local ?? (await streamSha256(host, vol, signal));
}

/** Always through libvirt (exported for the test that both ways agree). */
export async function streamSha256(host: HostContext, vol: VolumeRef, signal?: AbortSignal): Promise<string> {
  const client = await host.openTransfer();
  try {
    const hash = createHash('sha256');
    const source = await client.volumes.download(vol);
    await pipeline(
      source,
      new Writable({
        write(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          done();
        },
      }),
      { signal },
    );
    return hash.digest('hex');
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** The digest of the volume's file read here, or null when this machine's file at its path is not provably it. */
async function localSha256(host: HostContext, vol: VolumeRef, signal?: AbortSignal): Promise<string | null> {
  const client = await host.libvirt();
  const xml = await client.volumes.xml(vol);
  const stamp = volumeFileStamp(xml);
  const file = parseVolumeXml(xml).path;
  if (!stamp || !file) return null;
  let fh: FileHandle;
  try {
    fh = await open(file, 'r');
  } catch {
    return null;
  }
  try {
    const same = async () => {
      const st = await fh.stat({ bigint: true });
      return st.isFile() && st.size === stamp.physical && st.mtimeNs === stamp.mtimeNs && st.ctimeNs === stamp.ctimeNs;
    };
    if (!(await same())) return null;
    const hash = createHash('sha256');
    await hashFile(fh, hash, signal);
    return (await same()) ? hash.digest('hex') : null;
  } finally {
    await fh.close().catch(() => undefined);
  }
}

async function hashFile(fh: FileHandle, hash: Hash, signal?: AbortSignal): Promise<void> {
  const buf = Buffer.allocUnsafe(READ_CHUNK);
  for (;;) {
    signal?.throwIfAborted();
    const { bytesRead } = await fh.read(buf, 0, buf.length, null);
    if (bytesRead === 0) return;
    hash.update(buf.subarray(0, bytesRead));
  }
}
