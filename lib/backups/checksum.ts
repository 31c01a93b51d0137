import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import type { HostContext } from '@/lib/hosts';
import type { VolumeRef } from '@/lib/libvirt';

// A volume's sha256, read through libvirt's download stream on a connection of its own (so it works on a remote
// host and never holds up the connection pages use).

export async function volumeSha256(host: HostContext, vol: VolumeRef, signal?: AbortSignal): Promise<string> {
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
