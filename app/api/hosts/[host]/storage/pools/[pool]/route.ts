import { defineRoute } from '@/lib/http/route';
import { markRecordedBases } from '@/lib/images/bases';
import { poolParams } from '@/lib/storage/names';
import { readPool } from '@/lib/storage/volumes';

export const GET = defineRoute({
  summary: 'One storage pool and its volumes',
  access: 'host.read',
  params: poolParams,
  subject: (i) => `storage pool "${i.params.pool}"`,
  run: async ({ host, params }) => {
    const { pool, volumes } = await readPool(host, params.pool);
    return { pool, volumes: await markRecordedBases(volumes) };
  },
});
