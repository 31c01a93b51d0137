import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LibvirtClient, VolumeRef } from '@/lib/libvirt';
import { InputError, TooLargeError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { nameProblem } from './names';
import { createUploadTarget, findVolume, volumeRow, type VolumeRow } from './volumes';
import { parseVolumeXml } from './volume-model';

// Volume data in and out through libvirt's upload and download streams, each on a connection of its own (the
// host's transfer connection): an upload fills its socket and a download the browser reads slowly holds it back,
// and neither may stall the connection every page uses.

/** Passes bytes through, failing the pipeline as soon as more than `limit` arrive; counts them. */
export class ByteLimit extends Transform {
  seen = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit)
      done(
        new TooLargeError(`The upload sent more than the declared ${this.limit} bytes.`, {
          fields: { file: `The upload sent more than the declared ${this.limit} bytes.` },
        }),
      );
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
    flush: (done) =>
      done(
        limit.seen === size ? null : InputError.of({ file: `The upload ended after ${limit.seen} of the declared ${size} bytes.` }, undefined, { status: 400 }),
      ),
  });
  await pipeline(source, limit, check, sink, { signal });
  return limit.seen;
}

export interface VolumeUpload {
  pool: string;
  name: string;
  /** Declared size in bytes: the volume is made exactly this large and the body must match it. */
  size: number;
  body: ReadableStream<Uint8Array> | null;
  /** Content-Length, when the client sent one. */
  declaredLength: string | null;
  signal?: AbortSignal;
}

/** Makes a raw volume of the declared size and streams the body into it; a partial volume is removed. */
export async function uploadVolume(host: HostContext, up: VolumeUpload): Promise<{ volume: VolumeRow; bytes: number }> {
  const refused =
    nameProblem('volume', up.name) ??
    nameProblem('pool', up.pool) ??
    (up.declaredLength !== null && Number(up.declaredLength) !== up.size
      ? `The body is ${up.declaredLength} bytes but the upload declared ${up.size}.`
      : null) ??
    (up.body ? null : 'The upload has no body.');
  if (refused) throw new InputError(refused);
  const client = await host.openTransfer();
  let vol: VolumeRef | null = null;
  try {
    vol = await createUploadTarget(client, up.pool, up.name, up.size);
    const bytes = await uploadInto(client, vol, Readable.fromWeb(up.body as import('node:stream/web').ReadableStream<Uint8Array>), up.size, up.signal);
    const pool = await client.pools.lookupByName(up.pool);
    await client.pools.refresh(pool).catch(() => undefined);
    return { volume: await volumeRow(client, await client.volumes.lookupByName(pool, up.name)), bytes };
  } catch (err) {
    // A partial volume is worse than none: it looks like a real disk image.
    if (vol) await client.volumes.delete(vol).catch(() => undefined);
    throw err;
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** The volume's bytes; the transfer connection closes when the stream ends or is abandoned. */
export async function downloadVolume(host: HostContext, pool: string, name: string): Promise<Readable> {
  const client = await host.openTransfer();
  try {
    const ref = await findVolume(client, pool, name);
    if (parseVolumeXml(await client.volumes.xml(ref)).type === 'dir') {
      throw InputError.of({ volume: `"${name}" is a directory in the pool, not a disk image: there is nothing to download.` });
    }
    const stream = await client.volumes.download(ref);
    stream.once('close', () => void client.close().catch(() => undefined));
    return stream;
  } catch (err) {
    await client.close().catch(() => undefined);
    throw err;
  }
}

/** HTTP header value for a download, safe for any volume name (names are checked, but quote anyway). */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._+-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
