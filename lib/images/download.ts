import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadSettings, type ImageAllowEntry } from '@/lib/config/settings';
import { InputError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { ByteLimit } from '@/lib/storage/transfer';
import { createUploadTarget } from '@/lib/storage/volumes';
import type { ExpectedChecksum } from './catalog';
import { findChecksum } from './checksum-file';
import { ChecksumMismatchError, DownloadError, ImageTooLargeError } from './errors';
import { guardedGet, type GetResponse } from './http-get';
import { unreachable } from './reach';
import { checkImageUrl } from './url';

// Fetches an image over http(s) straight into a libvirt volume (so it works the same for a remote host), hashing
// it on the way. Bounded in size and time, cancellable, and never leaves a partial or unverified volume behind.

export interface DownloadOptions {
  host: HostContext;
  pool: string;
  volumeName: string;
  url: string;
  expected: ExpectedChecksum;
  maxBytes: number;
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number | null) => void;
  /** Internal destinations let through; defaults to VIREO_IMAGE_ALLOW. */
  allow?: readonly ImageAllowEntry[];
}

export interface Downloaded {
  volume: string;
  sha256: string;
  bytes: number;
  format: 'qcow2' | 'raw';
}

const MAX_CHECKSUM_LIST = 1024 * 1024;

/** GET with the destination policy; any failure of an allowed destination is named, a refused one is not. */
async function fetchChecked(url: URL, allow: readonly ImageAllowEntry[], signal: AbortSignal): Promise<GetResponse> {
  let res: GetResponse;
  try {
    res = await guardedGet(url, allow, signal);
  } catch (err) {
    if (signal.aborted || err instanceof InputError) throw err;
    throw new DownloadError(unreachable(url, err) ?? `Could not fetch ${url.href}: ${(err as Error).message}.`);
  }
  if (res.status < 200 || res.status > 299) {
    res.body.destroy();
    throw new DownloadError(`${url.href} answered ${res.status} ${res.statusText}.`);
  }
  return res;
}

/** Reads a small text body whole, refusing one over `max` bytes however it is sent. */
async function readText(res: GetResponse, max: number, what: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      res.body.destroy();
      throw new DownloadError(`${what} is too large.`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function expectedHex(expected: ExpectedChecksum, allow: readonly ImageAllowEntry[], signal: AbortSignal): Promise<string> {
  if ('hex' in expected) return expected.hex.toLowerCase();
  const url = checkImageUrl(expected.checksumUrl);
  const res = await fetchChecked(url, allow, signal);
  const text = await readText(res, MAX_CHECKSUM_LIST, `The checksum list at ${url.href}`);
  const hex = findChecksum(text, expected.fileName, expected.algorithm);
  if (!hex) throw new DownloadError(`The checksum list at ${url.href} has no ${expected.algorithm} entry for ${expected.fileName}.`);
  return hex;
}

/** Counts and hashes what passes, reporting progress; keeps the first bytes to recognise the format. */
class Meter extends Transform {
  done = 0;
  head = Buffer.alloc(0);
  readonly sha256: Hash = createHash('sha256');
  constructor(
    readonly other: Hash | null,
    private readonly total: number,
    private readonly report?: (done: number, total: number) => void,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.done += chunk.length;
    if (this.head.length < 4) this.head = Buffer.concat([this.head, chunk.subarray(0, 4)]);
    this.sha256.update(chunk);
    this.other?.update(chunk);
    this.report?.(this.done, this.total);
    cb(null, chunk);
  }
  override _flush(cb: TransformCallback): void {
    cb(this.done === this.total ? null : new DownloadError(`The download ended after ${this.done} of ${this.total} bytes.`));
  }
}

/** A body without Content-Length is first written to a temporary file, bounded like the volume would be. */
async function spool(body: Readable, maxBytes: number, signal: AbortSignal): Promise<{ file: string; size: number; dispose(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vireo-image-'));
  const file = path.join(dir, 'image');
  try {
    const limit = new ByteLimit(maxBytes);
    await pipeline(body, limit, createWriteStream(file), { signal }).catch((err: Error) => {
      if (limit.seen > maxBytes) throw new ImageTooLargeError(maxBytes, null);
      throw err;
    });
    return { file, size: (await stat(file)).size, dispose: () => rm(dir, { recursive: true, force: true }) };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

export async function downloadToPool(o: DownloadOptions): Promise<Downloaded> {
  const url = checkImageUrl(o.url);
  const client = await o.host.libvirt();
  const allow = o.allow ?? loadSettings().imageAllow;
  const timeout = AbortSignal.timeout(o.timeoutMs);
  const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
  try {
    const hex = await expectedHex(o.expected, allow, signal);
    const res = await fetchChecked(url, allow, signal);
    const declared = Number(res.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > o.maxBytes) {
      res.body.destroy();
      throw new ImageTooLargeError(o.maxBytes, declared);
    }
    let source: Readable = res.body;
    let size = declared;
    let spooled: Awaited<ReturnType<typeof spool>> | null = null;
    if (!Number.isFinite(declared)) {
      spooled = await spool(source, o.maxBytes, signal);
      source = createReadStream(spooled.file);
      size = spooled.size;
    }
    try {
      const vol = await createUploadTarget(client, o.pool, o.volumeName, size);
      try {
        const meter = new Meter(o.expected.algorithm === 'sha512' ? createHash('sha512') : null, size, o.onProgress);
        const transfer = await o.host.openTransfer();
        try {
          await pipeline(source, new ByteLimit(size), meter, await transfer.volumes.upload(vol, 0, size), { signal });
        } finally {
          await transfer.close();
        }
        const got = (meter.other ?? meter.sha256).digest('hex');
        const sha256 = meter.other ? meter.sha256.digest('hex') : got;
        if (got !== hex) throw new ChecksumMismatchError(o.expected.algorithm, hex, got);
        await client.pools.refresh(await client.pools.lookupByName(o.pool)).catch(() => undefined);
        return {
          volume: vol.name,
          sha256,
          bytes: meter.done,
          format: meter.head.subarray(0, 4).equals(Buffer.from([0x51, 0x46, 0x49, 0xfb])) ? 'qcow2' : 'raw',
        };
      } catch (err) {
        await client.volumes.delete(vol).catch(() => undefined);
        throw err;
      }
    } finally {
      await spooled?.dispose();
    }
  } catch (err) {
    if (o.signal?.aborted) throw o.signal.reason ?? err;
    if (timeout.aborted) throw new DownloadError(`The download did not finish within ${Math.round(o.timeoutMs / 1000)} s and was removed.`);
    throw err;
  }
}
