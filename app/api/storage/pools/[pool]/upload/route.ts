import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/log';
import { describeError } from '@/lib/errors';
import { problem } from '@/lib/http/problem';
import { authorizeStorageChange } from '@/lib/storage/access';
import { nameProblem } from '@/lib/storage/names';
import { createUploadTarget, volumeRow } from '@/lib/storage/volumes';
import { openTransferClient, uploadInto } from '@/lib/storage/transfer';
import { capacitySchema } from '@/lib/storage/validate';
import type { LibvirtClient, VolumeRef } from '@/lib/libvirt';

// PUT /api/storage/pools/<pool>/upload?name=<volume>&size=<bytes>, the file as the raw request body. The volume is
// made at the declared size first, then the body is streamed into it through libvirt's upload stream.

const sizeSchema = z.coerce.number().pipe(capacitySchema);

export async function PUT(req: Request, ctx: { params: Promise<{ pool: string }> }) {
  const { pool } = await ctx.params;
  const url = new URL(req.url);
  const name = url.searchParams.get('name') ?? '';
  const objectName = `${pool}/${name}`;
  const actor = await authorizeStorageChange(req, 'volume.upload', 'volume', objectName);
  if (actor instanceof Response) return actor;
  const audit = (outcome: 'ok' | 'error', error?: string, detail?: Record<string, unknown>) =>
    recordAudit({ actor, action: 'volume.upload', objectType: 'volume', objectName, outcome, error, detail, ip: actor.ip });

  const size = sizeSchema.safeParse(url.searchParams.get('size'));
  const declared = req.headers.get('content-length');
  const refused = nameProblem('volume', name) ?? nameProblem('pool', pool)
    ?? (size.success ? null : 'The upload must declare its size in bytes (size=…).')
    ?? (declared !== null && Number(declared) !== size.data ? `The body is ${declared} bytes but the upload declared ${size.data}.` : null)
    ?? (req.body ? null : 'The upload has no body.');
  if (refused) {
    await audit('error', refused);
    return problem(422, refused);
  }

  let client: LibvirtClient | null = null;
  let vol: VolumeRef | null = null;
  try {
    client = await openTransferClient();
    vol = await createUploadTarget(client, pool, name, size.data!);
    const body = Readable.fromWeb(req.body as unknown as WebReadableStream<Uint8Array>);
    const bytes = await uploadInto(client, vol, body, size.data!, req.signal);
    await client.pools.refresh(await client.pools.lookupByName(pool)).catch(() => undefined);
    const volume = await volumeRow(client, await client.volumes.lookupByName(await client.pools.lookupByName(pool), name));
    await audit('ok', undefined, { bytes });
    return Response.json({ volume }, { status: 201 });
  } catch (err) {
    // A partial volume is worse than none: it looks like a real disk image.
    if (vol && client) await client.volumes.delete(vol).catch(() => undefined);
    const d = describeError(err, `storage pool "${pool.slice(0, 100)}"`);
    await audit('error', d.code ? `${d.code}: ${d.message}` : d.message);
    return problem(d.status, d.message, d.code ? { code: d.code } : {});
  } finally {
    await client?.close().catch(() => undefined);
  }
}
