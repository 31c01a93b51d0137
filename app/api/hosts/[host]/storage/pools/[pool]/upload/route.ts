import { z } from 'zod';
import { defineRoute } from '@/lib/http/route';
import { poolParams, volumeNameSchema } from '@/lib/storage/names';
import { uploadVolume } from '@/lib/storage/transfer';
import { capacityQuerySchema } from '@/lib/storage/validate';

// PUT /api/storage/pools/<pool>/upload?name=<volume>&size=<bytes>, the file as the raw request body. The volume is
// made at the declared size first, then the body is streamed into it through libvirt's upload stream.

export const PUT = defineRoute({
  summary: 'Upload a file as a new volume (the raw body, exactly `size` bytes)',
  access: 'storage.edit',
  params: poolParams,
  query: z.object({
    name: volumeNameSchema,
    size: capacityQuerySchema,
  }),
  rawBody: { contentType: 'application/octet-stream', description: 'The file, exactly `size` bytes' },
  status: 201,
  audit: {
    action: 'volume.upload',
    objectType: 'volume',
    objectName: (i) => `${i.params.pool}/${i.query.name ?? ''}`,
    detail: (_i, r?: { bytes: number }) => (r ? { bytes: r.bytes } : null),
  },
  run: async ({ host, params, query, req, signal }) => {
    const { volume, bytes } = await uploadVolume(host, {
      pool: params.pool,
      name: query.name,
      size: query.size,
      body: req.body,
      declaredLength: req.headers.get('content-length'),
      signal,
    });
    return { volume, bytes };
  },
});
