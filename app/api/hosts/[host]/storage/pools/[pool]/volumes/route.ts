import { defineRoute } from '@/lib/http/route';
import { markRecordedBases } from '@/lib/images/bases';
import { poolParams } from '@/lib/storage/names';
import { volumeInputSchema } from '@/lib/storage/validate';
import { createVolume, listVolumes } from '@/lib/storage/volumes';

export const GET = defineRoute({
  summary: "A pool's volumes",
  access: 'host.read',
  params: poolParams,
  subject: (i) => `storage pool "${i.params.pool}"`,
  run: async ({ host, params }) => ({ volumes: await markRecordedBases(await listVolumes(host, params.pool)) }),
});

export const POST = defineRoute({
  summary: 'Create a volume',
  access: 'storage.edit',
  params: poolParams,
  body: volumeInputSchema,
  status: 201,
  audit: {
    action: 'volume.create',
    objectType: 'volume',
    objectName: (i) => `${i.params.pool}/${i.body?.name ?? '-'}`,
    detail: (i) => ({ format: i.body?.format, capacity: i.body?.capacity }),
  },
  run: async ({ host, params, body }) => ({ volume: await createVolume(host, params.pool, body) }),
});
