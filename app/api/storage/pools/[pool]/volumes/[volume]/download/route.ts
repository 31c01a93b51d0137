import { Readable } from 'node:stream';
import { describeError } from '@/lib/errors';
import { problem } from '@/lib/http/problem';
import { authorizeStorageRead } from '@/lib/storage/access';
import { findVolume } from '@/lib/storage/volumes';
import { attachmentHeader, openTransferClient } from '@/lib/storage/transfer';

// The volume's bytes as a download, streamed from libvirt's download stream: nothing is buffered beyond the
// stream's window, and the browser's reading pace holds the daemon back (on this transfer's own connection).

export async function GET(req: Request, ctx: { params: Promise<{ pool: string; volume: string }> }) {
  const { pool, volume } = await ctx.params;
  const actor = await authorizeStorageRead(req);
  if (actor instanceof Response) return actor;
  const client = await openTransferClient().catch((err: unknown) => err as Error);
  if (client instanceof Error) {
    const d = describeError(client, 'the volume');
    return problem(d.status, d.message);
  }
  try {
    const ref = await findVolume(client, pool, volume);
    const stream = await client.volumes.download(ref);
    stream.once('close', () => void client.close().catch(() => undefined));
    return new Response(Readable.toWeb(stream) as unknown as ReadableStream, {
      headers: { 'content-type': 'application/octet-stream', 'content-disposition': attachmentHeader(volume), 'cache-control': 'no-store' },
    });
  } catch (err) {
    await client.close().catch(() => undefined);
    const d = describeError(err, `volume "${volume.slice(0, 100)}"`);
    return problem(d.status, d.message, d.code ? { code: d.code } : {});
  }
}
