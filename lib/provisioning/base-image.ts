import type { LibvirtClient } from '@/lib/libvirt';
import type { HostContext } from '@/lib/hosts';
import { catalogEntry, type ExpectedChecksum } from '@/lib/images/catalog';
import { findCachedBase, recordBase } from '@/lib/images/cache';
import { downloadToPool } from '@/lib/images/download';
import type { JobContext } from '@/lib/jobs/runner';
import type { z } from 'zod';
import type { imageSourceSchema } from './spec';

// Where a cloud-image VM's base comes from: a volume already in a pool (uploaded), a verified download cached
// earlier, or a download this job makes (then cached for the next VM).

type ImageSource = z.infer<typeof imageSourceSchema>;

export type ResolvedImage =
  | { cached: true; pool: string; volume: string; url: string | null }
  | { cached: false; url: string; expected: ExpectedChecksum; pool: string; volumeName: string; catalogId: string | null };

/** Downloads are bounded: an image larger than this, or slower than this, is refused and removed. */
export const MAX_IMAGE_BYTES = 20 * 1024 ** 3;
export const DOWNLOAD_TIMEOUT_MS = 60 * 60 * 1000;

function baseVolumeName(url: string, catalogId: string | null): string {
  const file = new URL(url).pathname.split('/').pop() ?? 'image';
  const safe =
    file
      .replace(/[^A-Za-z0-9._+-]/g, '_')
      .replace(/^[.-]+/, '')
      .slice(0, 120) || 'image';
  return `base-${catalogId ? `${catalogId}-` : ''}${safe}`;
}

export async function resolveImage(client: LibvirtClient, source: ImageSource, pool: string): Promise<ResolvedImage> {
  if (source.from === 'volume') return { cached: true, pool: source.pool, volume: source.volume, url: null };
  let url: string;
  let expected: ExpectedChecksum;
  let catalogId: string | null = null;
  if (source.from === 'catalog') {
    const entry = catalogEntry(source.id);
    if (!entry) throw new Error(`There is no catalog image "${source.id}".`);
    url = entry.url;
    expected = entry.checksum;
    catalogId = entry.id;
  } else {
    url = source.url;
    expected = source.checksum;
  }
  const cached = await findCachedBase(client, { url, pool });
  if (cached) return { cached: true, pool: cached.pool, volume: cached.volume, url };
  return { cached: false, url, expected, pool, volumeName: baseVolumeName(url, catalogId), catalogId };
}

/**
 * Makes sure the base exists, downloading it when needed. A finished, verified download is cached for later VMs
 * and stays whatever happens next; an unfinished one is rolled back with the job.
 */
export async function ensureBase(host: HostContext, image: ResolvedImage, ctx: JobContext): Promise<{ pool: string; volume: string }> {
  if (image.cached) {
    ctx.detail(image.url ? `Cached: ${image.pool}/${image.volume}, no download.` : `Using volume ${image.pool}/${image.volume}.`);
    return { pool: image.pool, volume: image.volume };
  }
  // Until it is verified the download is the job's to remove (also by the restart sweep); then it is the cache's.
  const partial = { type: 'volume' as const, pool: image.pool, name: image.volumeName };
  await ctx.willCreate(partial);
  const got = await downloadToPool({
    host,
    pool: image.pool,
    volumeName: image.volumeName,
    url: image.url,
    expected: image.expected,
    maxBytes: MAX_IMAGE_BYTES,
    timeoutMs: DOWNLOAD_TIMEOUT_MS,
    signal: ctx.signal,
    onProgress: (done, total) => ctx.progress(total ? done / total : 0, total ? `${mib(done)} of ${mib(total)} MiB` : `${mib(done)} MiB`),
  });
  await recordBase({
    url: image.url,
    catalogId: image.catalogId,
    pool: image.pool,
    volume: got.volume,
    sha256: got.sha256,
    sizeBytes: got.bytes,
    format: got.format,
  });
  await ctx.keep(partial);
  ctx.detail(`Downloaded ${mib(got.bytes)} MiB, checksum verified.`);
  return { pool: image.pool, volume: got.volume };
}

const mib = (n: number) => (n / 1024 ** 2).toFixed(1);
