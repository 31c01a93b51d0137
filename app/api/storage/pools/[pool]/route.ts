import { defineRoute } from '@/lib/http/route';
import { poolParams } from '@/lib/storage/names';
import { readPool } from '@/lib/storage/volumes';

export const GET = defineRoute({
  method: 'GET',
  path: '/api/storage/pools/{pool}',
  summary: 'One storage pool and its volumes',
  tags: ['storage'],
  access: 'host.read',
  params: poolParams,
  subject: (i) => `storage pool "${i.params.pool}"`,
  run: ({ host, params }) => readPool(host, params.pool),
});
