import { Readable } from 'node:stream';
import { defineRoute } from '@/lib/http/route';
import { volumeParams } from '@/lib/storage/names';
import { attachmentHeader, downloadVolume } from '@/lib/storage/transfer';

// The volume's bytes, streamed from libvirt's download stream: nothing is buffered beyond the stream's window, and
// the browser's reading pace holds the daemon back. Reading a volume's data is a permission of its own: disks and
// cloud-init seeds hold password hashes and everything a guest wrote.
export const GET = defineRoute({
  summary: "Download a volume's data",
  access: 'storage.download',
  params: volumeParams,
  responseType: 'application/octet-stream',
  subject: (i) => `volume "${i.params.volume}"`,
  run: async ({ host, params }) => {
    const stream = await downloadVolume(host, params.pool, params.volume);
    return new Response(Readable.toWeb(stream) as unknown as ReadableStream, {
      headers: { 'content-type': 'application/octet-stream', 'content-disposition': attachmentHeader(params.volume), 'cache-control': 'no-store' },
    });
  },
});
