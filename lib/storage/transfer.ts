import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { connect, type LibvirtClient, type VolumeRef } from '@/lib/libvirt';
import { loadSettings } from '@/lib/config/settings';
import { StorageInputError } from './errors';

/** Passes bytes through, failing the pipeline as soon as more than `limit` arrive; counts them. */
export class ByteLimit extends Transform {
  seen = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) done(new StorageInputError({ file: `The upload sent more than the declared ${this.limit} bytes.` }, 413));
    else done(null, chunk);
  }
}

/**
 * Streams `source` into the volume through libvirt's upload stream. Backpressure all the way: the source is read
 * only as fast as libvirtd takes the bytes. Resolves once libvirtd confirmed the whole upload; the byte count must
 * match `size` exactly, or the upload fails (and the caller removes the volume).
 */
export async function uploadInto(client: LibvirtClient, vol: VolumeRef, source: Readable, size: number, signal?: AbortSignal): Promise<number> {
  const limit = new ByteLimit(size);
  const sink = await client.volumes.upload(vol, 0, size);
  // A short body must not be confirmed to libvirt as a finished upload: check the count before the sink ends.
  const check = new Transform({
    transform: (c: Buffer, _e, done) => done(null, c),
    flush: (done) => done(limit.seen === size ? null : new StorageInputError({ file: `The upload ended after ${limit.seen} of the declared ${size} bytes.` }, 400)),
  });
  await pipeline(source, limit, check, sink, { signal });
  return limit.seen;
}

/** HTTP header value for a download, safe for any volume name (names are checked, but quote anyway). */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._+-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * A connection of its own for one transfer: a download the browser reads slowly pauses its socket (libvirt
 * streams have backpressure), and an upload fills it, so neither may share the connection every page uses.
 */
export async function openTransferClient(): Promise<LibvirtClient> {
  return connect(loadSettings().libvirtUri);
}
